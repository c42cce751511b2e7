package dev.gatehouse.server.admin;

import dev.gatehouse.core.scim.ScimToken;
import dev.gatehouse.core.scim.ScimTokens;
import dev.gatehouse.core.scim.ScimTokens.Created;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** SCIM provisioning (docs/scim.md): the bearer tokens identity providers call {@code /scim/v2} with. */
@Command(name = "scim", description = "SCIM provisioning.", subcommands = ScimCommands.Tokens.class)
final class ScimCommands extends AdminSubcommand {

    @Command(name = "tokens", description = "Create, list and delete SCIM bearer tokens (at most "
            + ScimTokens.MAX_LIVE + " live, each valid for a year).")
    static final class Tokens extends AdminSubcommand {

        @Command(name = "create", description = "Create a token and print it: the only time it is shown.")
        void create() {
            Created created = core().scimTokens().create(AdminCommand.actor(), AdminCommand.context());
            out().println("created SCIM token " + created.token().tokenId());
            out().println("expires: " + created.token().expiresAt());
            out().println("token:   " + created.value());
            out().println("Store the token now; it cannot be shown again.");
        }

        @Command(name = "list", description = "List tokens (never their values).")
        void list() {
            for (ScimToken token : core().scimTokens().list()) {
                out().printf("%-36s created %s expires %s%n", token.tokenId(), token.createdAt(),
                        token.expiresAt());
            }
        }

        @Command(name = "delete", description = "Delete a token: the next request with it is refused.")
        void delete(@Parameters(paramLabel = "TOKEN_ID") String tokenId) {
            core().scimTokens().delete(tokenId, AdminCommand.actor(), AdminCommand.context());
            out().println("deleted " + tokenId);
        }
    }
}
