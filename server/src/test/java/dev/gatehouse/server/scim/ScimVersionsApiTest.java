package dev.gatehouse.server.scim;

import static dev.gatehouse.server.scim.ScimClient.user;
import static dev.gatehouse.server.scim.ScimUsersApiTest.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.scim.ScimTokens;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.scim.ScimClient.Answer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ETag and If-Match (RFC 7644 §3.14) on Users and Groups, and the request rate one token is allowed. */
class ScimVersionsApiTest {

    private static final String DISABLE = """
            {"Operations":[{"op":"replace","path":"active","value":false}]}""";

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();

    private static ScimClient scim;

    @BeforeAll
    static void token() {
        scim = new ScimClient(gatehouse, gatehouse.services().core().scimTokens()
                .create(Actor.administratorCli(), RequestContext.commandLine("scim-test")).value());
    }

    private static Answer withIfMatch(String method, String path, String body, String ifMatch) {
        return scim.send(method, path, body, ifMatch);
    }

    @Test
    void whenAUserIsReadThenItsVersionIsTheETagAndMetaVersion() {
        Answer created = scim.post("/Users", user("ver.ann"));
        String id = created.body().path("id").asText();

        Answer read = scim.get("/Users/" + id);

        String version = read.body().path("meta").path("version").asText();
        assertThat(version).startsWith("W/\"");
        assertThat(read.response().headers().firstValue("ETag")).contains(version);
        assertThat(created.response().headers().firstValue("ETag")).contains(version);
        assertThat(scim.get("/Users?filter=userName%20eq%20%22ver.ann%22").body()
                .path("Resources").path(0).path("meta").path("version").asText()).isEqualTo(version);
        assertThat(scim.get("/ServiceProviderConfig").body().path("etag").path("supported").asBoolean()).isTrue();
    }

    @Test
    void whenIfMatchNamesAnOldVersionThen412AndNothingChanges() {
        String id = scim.post("/Users", user("ver.bob")).body().path("id").asText();
        String first = scim.get("/Users/" + id).body().path("meta").path("version").asText();
        Answer renamed = withIfMatch("PATCH", "/Users/" + id,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Bobby\"}]}", first);
        assertThat(renamed.status()).isEqualTo(200);
        String second = renamed.body().path("meta").path("version").asText();
        assertThat(second).isNotEqualTo(first);

        Answer stale = withIfMatch("PATCH", "/Users/" + id, DISABLE, first);
        Answer staleDelete = withIfMatch("DELETE", "/Users/" + id, null, first);

        assertScimError(stale, 412, "preconditionFailed");
        assertScimError(staleDelete, 412, "preconditionFailed");
        assertThat(scim.get("/Users/" + id).body().path("active").asBoolean()).isTrue();
        assertThat(withIfMatch("PATCH", "/Users/" + id, DISABLE, second.substring(2)).status())
                .as("a strong tag with the same value matches").isEqualTo(200);
        assertThat(withIfMatch("DELETE", "/Users/" + id, null, "*").status()).isEqualTo(204);
    }

    @Test
    void whenAGroupGainsAMemberThenItsVersionChangesAndAStaleReplaceIsRefused() {
        String ann = scim.post("/Users", user("ver.carl")).body().path("id").asText();
        Answer created = scim.post("/Groups", "{\"displayName\":\"Versioned\"}");
        String id = created.body().path("id").asText();
        String empty = created.body().path("meta").path("version").asText();

        Answer added = withIfMatch("PATCH", "/Groups/" + id, """
                {"Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(ann), empty);

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.response().headers().firstValue("ETag")).isPresent().get().isNotEqualTo(empty);
        assertScimError(withIfMatch("PUT", "/Groups/" + id, "{\"displayName\":\"Versioned\",\"members\":[]}", empty),
                412, "preconditionFailed");
        assertThat(scim.get("/Groups/" + id).body().path("members").size()).isEqualTo(1);
    }

    @Test
    void whenATokenPassesItsRateThen429InScimFormatUntilTimePasses() {
        ScimClient busy = new ScimClient(gatehouse, gatehouse.services().core().scimTokens()
                .create(Actor.administratorCli(), RequestContext.commandLine("scim-test")).value());
        for (int i = 0; i < ScimTokens.RATE.burst(); i++) {
            assertThat(busy.get("/ServiceProviderConfig").status()).isEqualTo(200);
        }

        Answer refused = busy.get("/ServiceProviderConfig");

        assertScimError(refused, 429, "tooMany");
        assertThat(refused.body().path("detail").asText()).contains("with this token");
        assertThat(scim.get("/ServiceProviderConfig").status()).as("another token has its own rate").isEqualTo(200);
        gatehouse.clock.advance(Duration.ofSeconds(1));
        assertThat(busy.get("/ServiceProviderConfig").status()).isEqualTo(200);
    }
}
