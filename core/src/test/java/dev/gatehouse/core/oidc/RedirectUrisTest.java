package dev.gatehouse.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUrisTest {

    private static final String AWS_CLI_REGISTERED = "http://127.0.0.1/oauth/callback";

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/oauth/callback",
        "http://127.0.0.1:8080/oauth/callback",
        "http://[::1]/callback",
        "http://localhost:43123/",
        "https://localhost/callback",
        "HTTP://LOCALHOST/callback"})
    void registrableWhenLoopbackThenTrue(String uri) {
        assertThat(RedirectUris.registrable(uri)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://attacker.example/oauth/callback",
        "https://gatehouse.example.com/callback",
        "http://127.0.0.1.attacker.example/callback",
        "http://localhost.attacker.example/callback",
        "http://user@127.0.0.1/callback",
        "http://127.0.0.1/callback#fragment",
        "ftp://127.0.0.1/callback",
        "com.example.app:/callback",
        "/oauth/callback",
        "http://127.0.0.1:99999/callback",
        "not a uri"})
    void registrableWhenNotLoopbackHttpThenFalse(String uri) {
        assertThat(RedirectUris.registrable(uri)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1/oauth/callback, http://127.0.0.1:53219/oauth/callback",
        "http://127.0.0.1/oauth/callback, http://127.0.0.1/oauth/callback",
        "http://127.0.0.1:8080/oauth/callback, http://127.0.0.1:53219/oauth/callback",
        "http://[::1]/callback, http://[::1]:4000/callback",
        "http://localhost/cb?tool=cli, http://localhost:4000/cb?tool=cli"})
    void matchesWhenLoopbackDiffersOnlyInPortThenTrue(String registered, String requested) {
        assertThat(RedirectUris.matches(registered, requested)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost:53219/oauth/callback",
        "http://[::1]:53219/oauth/callback",
        "https://127.0.0.1:53219/oauth/callback",
        "http://127.0.0.1:53219/oauth/callback/",
        "http://127.0.0.1:53219/oauth/callback?x=1",
        "http://127.0.0.1:53219/oauth/callback#x",
        "http://127.0.0.1:53219/other",
        "http://attacker.example:53219/oauth/callback",
        "http://evil@127.0.0.1:53219/oauth/callback"})
    void matchesWhenAnythingButThePortDiffersThenFalse(String requested) {
        assertThat(RedirectUris.matches(AWS_CLI_REGISTERED, requested)).isFalse();
    }

    @Test
    void matchesWhenRequestedIsMissingThenFalse() {
        assertThat(RedirectUris.matches(AWS_CLI_REGISTERED, null)).isFalse();
    }

    @Test
    void originWhenPortGivenThenSchemeHostAndPort() {
        assertThat(RedirectUris.origin("http://127.0.0.1:53219/oauth/callback")).isEqualTo("http://127.0.0.1:53219");
        assertThat(RedirectUris.origin("HTTP://LocalHost/cb")).isEqualTo("http://localhost");
    }

    @Test
    void withParametersWhenNoQueryThenStartsOneAndEncodesValues() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", "access_denied");
        parameters.put("error_description", "The user said no & left");
        parameters.put("state", "a7c1e9d0-2b63-4a43-9a8e-2f5a1c9b6e21");

        assertThat(RedirectUris.withParameters("http://127.0.0.1:53219/oauth/callback", parameters))
                .isEqualTo("http://127.0.0.1:53219/oauth/callback?error=access_denied"
                        + "&error_description=The+user+said+no+%26+left&state=a7c1e9d0-2b63-4a43-9a8e-2f5a1c9b6e21");
    }

    @Test
    void withParametersWhenQueryPresentThenKeepsIt() {
        assertThat(RedirectUris.withParameters("http://localhost:4000/cb?tool=cli", Map.of("code", "ghac_x")))
                .isEqualTo("http://localhost:4000/cb?tool=cli&code=ghac_x");
    }
}
