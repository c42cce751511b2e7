package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalOidc;
import dev.gatehouse.core.identitysource.IdpMfa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The identity source (docs/identity-sources.md): the built-in directory, or an external OpenID Connect provider.
 * A change ends every browser session.
 */
@Command(name = "identity-source", description = "Show or change where people sign in.")
final class IdentitySourceCommands extends AdminSubcommand {

    @Command(name = "show", description = "Show the identity source (never the client secret).")
    void show() {
        IdentitySource source = core().identitySources().current();
        if (!source.external()) {
            out().println("identity source: built-in directory");
            return;
        }
        out().println("identity source: external OIDC");
        out().println("issuer:          " + source.issuer());
        out().println("client id:       " + source.clientId());
        out().println("user claim:      " + source.userClaim().claimName());
        out().println("provisioning:    " + source.provisioning().name().toLowerCase(Locale.ROOT));
        if (source.groupsClaim() != null) {
            out().println("groups claim:    " + source.groupsClaim());
        }
        out().println("idp mfa:         " + (source.idpMfa().required() ? "required" : "not required")
                + (source.idpMfa().acrValues().isEmpty() ? "" : " (acr: " + String.join(" ",
                source.idpMfa().acrValues()) + ")"));
        out().println("redirect uri:    " + services().config().http().publicUrl() + "/signin/oidc/callback");
    }

    @Command(name = "set-builtin", description = "Sign in with Gatehouse's own users, passwords and MFA. Ends every "
            + "browser session.")
    void setBuiltIn() {
        core().identitySources().setBuiltIn(AdminCommand.actor(), AdminCommand.context());
        out().println("identity source: built-in directory (browser sessions ended)");
    }

    @Command(name = "set-external-oidc", description = "Sign in through an OpenID Connect provider (authorization "
            + "code flow with PKCE). Ends every browser session.")
    void setExternalOidc(
            @Option(names = "--issuer", required = true, description = "the provider's issuer URL") String issuer,
            @Option(names = "--client-id", required = true) String clientId,
            @Option(names = "--client-secret-file", required = true,
                    description = "a file holding the client secret") Path secretFile,
            @Option(names = "--user-claim", defaultValue = "preferred_username",
                    description = "preferred_username (default) or email") String userClaim,
            @Option(names = "--provisioning", defaultValue = "scim",
                    description = "scim (default: users must exist) or jit (created and updated at sign-in)")
            String provisioning,
            @Option(names = "--groups-claim", description = "jit only: the ID-token claim listing the person's "
                    + "groups (e.g. groups); their memberships follow it at every sign-in") String groupsClaim,
            @Option(names = "--require-idp-mfa", description = "refuse a sign-in whose amr/acr does not show a "
                    + "second factor at the provider") boolean requireIdpMfa,
            @Option(names = "--mfa-acr", split = ",", description = "acr values that count as MFA (e.g. "
                    + "urn:okta:loa:2fa:any), besides an amr naming mfa, otp, hwk, ...") List<String> mfaAcr) {
        String secret;
        try {
            secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw DomainException.invalid("clientSecretFile", "Cannot read " + secretFile + ": " + e.getMessage());
        }
        UserClaim claim;
        Provisioning mode;
        try {
            claim = UserClaim.ofClaimName(userClaim);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("userClaim", "--user-claim must be preferred_username or email");
        }
        if (!provisioning.equals("scim") && !provisioning.equals("jit")) {
            throw DomainException.invalid("provisioning", "--provisioning must be scim or jit");
        }
        mode = Provisioning.valueOf(provisioning.toUpperCase(Locale.ROOT));
        if (mfaAcr != null && !requireIdpMfa) {
            throw DomainException.invalid("mfaAcr", "--mfa-acr goes with --require-idp-mfa");
        }
        IdpMfa idpMfa;
        try {
            idpMfa = requireIdpMfa ? IdpMfa.required(mfaAcr) : IdpMfa.NOT_REQUIRED;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("mfaAcr", "--mfa-acr: " + e.getMessage());
        }
        IdentitySource source = core().identitySources().setExternalOidc(new ExternalOidc(issuer, clientId, secret,
                claim, mode, groupsClaim, idpMfa), AdminCommand.actor(), AdminCommand.context());
        out().println("identity source: external OIDC " + source.issuer() + " (browser sessions ended)");
        out().println("redirect uri:    " + services().config().http().publicUrl() + "/signin/oidc/callback");
    }
}
