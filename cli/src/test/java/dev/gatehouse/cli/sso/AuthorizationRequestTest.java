package dev.gatehouse.cli.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The URL the browser opens, parameter for parameter as botocore builds it. */
class AuthorizationRequestTest {

    private static final AuthorizationRequest REQUEST = new AuthorizationRequest("client-1",
            URI.create("http://127.0.0.1:54321/oauth/callback"), "st4te", List.of("sso:account:access", "openid"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

    @Test
    void atThenAuthorizeWithEveryParameterPercentEncodedAndScopesSpaceSeparated() {
        assertThat(REQUEST.at(URI.create("http://localhost:8080")).toString()).isEqualTo(
                "http://localhost:8080/authorize?response_type=code&client_id=client-1"
                        + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A54321%2Foauth%2Fcallback&state=st4te"
                        + "&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess%20openid"
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void originWhenTheEndpointHasAPathThenOnlySchemeHostAndPort() {
        assertThat(AuthorizationRequest.origin(Optional.of(URI.create("https://sso.example.com:8443/oidc/")),
                "eu-west-1")).isEqualTo(URI.create("https://sso.example.com:8443"));
    }

    @Test
    void originWhenNoEndpointIsConfiguredThenTheSdksForTheRegion() {
        assertThat(AuthorizationRequest.origin(Optional.empty(), "eu-west-1"))
                .isEqualTo(URI.create("https://oidc.eu-west-1.amazonaws.com"));
    }

    @Test
    void percentEncodedThenOnlyUnreservedCharactersStayAndUtf8BytesAreEncoded() {
        assertThat(AuthorizationRequest.percentEncoded("a-._~ b+/é")).isEqualTo("a-._~%20b%2B%2F%C3%A9");
    }
}
