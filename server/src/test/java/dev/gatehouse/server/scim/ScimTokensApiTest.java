package dev.gatehouse.server.scim;

import static dev.gatehouse.server.scim.ScimUsersApiTest.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimTokens;
import dev.gatehouse.server.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which bearer tokens open /scim/v2: only live ones, at most two at a time. */
class ScimTokensApiTest {

    private static final RequestContext SETUP = RequestContext.commandLine("scim-token-test");

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();

    private static ScimTokens tokens() {
        return gatehouse.services().core().scimTokens();
    }

    @Test
    void whenTokenIsMissingUnknownDeletedOrExpiredThen401InScimFormat() {
        gatehouse.clock.advance(ScimTokens.LIFETIME.multipliedBy(2));
        ScimTokens.Created created = tokens().create(Actor.administratorCli(), SETUP);
        ScimClient scim = new ScimClient(gatehouse, created.value());
        assertThat(scim.get("/Users").status()).isEqualTo(200);

        assertScimError(scim.withToken(null).get("/Users"), 401, null);
        assertScimError(scim.withToken(ScimTokens.PREFIX + "unknown").get("/Users"), 401, null);
        assertThat(scim.withToken(null).get("/Users").response().headers().firstValue("WWW-Authenticate"))
                .isPresent();

        gatehouse.clock.advance(ScimTokens.LIFETIME.plus(Duration.ofSeconds(1)));
        assertScimError(scim.get("/Users"), 401, null);
        tokens().delete(created.token().tokenId(), Actor.administratorCli(), SETUP);
        assertScimError(scim.get("/ServiceProviderConfig"), 401, null);
    }

    @Test
    void whenTwoTokensAreLiveThenAThirdIsRefusedAndCreationIsAudited() {
        gatehouse.clock.advance(ScimTokens.LIFETIME.multipliedBy(2));
        tokens().create(Actor.administratorCli(), SETUP);
        tokens().create(Actor.administratorCli(), SETUP);

        assertThatThrownBy(() -> tokens().create(Actor.administratorCli(), SETUP))
                .isInstanceOf(DomainException.class).hasMessageContaining("At most 2");
        assertThat(tokens().list()).allSatisfy(t -> assertThat(t.tokenHash()).hasSize(64)
                .doesNotStartWith(ScimTokens.PREFIX));
        assertThat(gatehouse.services().core().auditQueries()
                .find(new AuditQuery(null, "CreateScimToken", null, null, 100))).hasSizeGreaterThanOrEqualTo(2);
    }
}
