package dev.gatehouse.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainError.SignatureFailure;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.http.WireError;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OidcErrorsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                tc(new DomainError.InvalidInput("clientName", "clientName is required"), 400,
                        "InvalidRequestException", "invalid_request"),
                tc(new DomainError.InvalidInput("redirectUris", "not loopback"), 400, "InvalidRedirectUriException",
                        "invalid_redirect_uri"),
                tc(new DomainError.NotFound("Code", "ABCD"), 400, "InvalidRequestException", "invalid_request"),
                tc(new DomainError.AlreadyExists("Client", "x"), 400, "InvalidRequestException", "invalid_request"),
                tc(new DomainError.CsrfRejected(), 400, "InvalidRequestException", "invalid_request"),
                tc(new DomainError.InvalidClient("Invalid client"), 401, "InvalidClientException", "invalid_client"),
                tc(new DomainError.UnauthorizedClient("no device grant"), 400, "UnauthorizedClientException",
                        "unauthorized_client"),
                tc(new DomainError.InvalidGrant("used"), 400, "InvalidGrantException", "invalid_grant"),
                tc(new DomainError.UnsupportedGrantType("password"), 400, "UnsupportedGrantTypeException",
                        "unsupported_grant_type"),
                tc(new DomainError.InvalidScope("bad scope"), 400, "InvalidScopeException", "invalid_scope"),
                tc(new DomainError.AuthorizationPending(), 400, "AuthorizationPendingException",
                        "authorization_pending"),
                tc(new DomainError.SlowDown(), 400, "SlowDownException", "slow_down"),
                tc(new DomainError.TooManyRequests("later"), 400, "SlowDownException", "slow_down"),
                tc(new DomainError.ExpiredToken("expired"), 400, "ExpiredTokenException", "expired_token"),
                tc(new DomainError.AccessDenied("denied"), 400, "AccessDeniedException", "access_denied"),
                tc(new DomainError.Unauthorized("no token"), 400, "AccessDeniedException", "access_denied"),
                tc(new DomainError.InvalidCredentials(), 400, "AccessDeniedException", "access_denied"),
                tc(new DomainError.SignatureRejected(SignatureFailure.SIGNATURE_DOES_NOT_MATCH, "mismatch"), 400,
                        "AccessDeniedException", "access_denied"));
    }

    private static Arguments tc(DomainError error, int status, String exception, String oauthError) {
        return Arguments.of(error, status, exception, oauthError);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("table")
    void wireErrorWhenDomainErrorThenModelStatusAndExceptionName(DomainError error, int status, String exception,
                                                                 String oauthError) {
        WireError wire = OidcErrors.wireError(error);

        assertThat(wire).isEqualTo(new WireError(status, exception));
        assertThat(OidcErrors.oauthError(wire)).isEqualTo(oauthError);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void bodyWhenDomainErrorThenOauthJsonWithDescription(DomainError error, int status, String exception,
                                                         String oauthError) throws Exception {
        JsonNode body = Json.MAPPER.readTree(OidcErrors.WRITER.body(OidcErrors.wireError(error), error.message()));

        assertThat(body.get("error").textValue()).isEqualTo(oauthError);
        assertThat(body.get("error_description").textValue()).isEqualTo(error.message());
        assertThat(body.get("message").textValue()).as("what botocore and the SDKs show").isEqualTo(error.message());
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void tableWhenDomainErrorFamilyGrowsThenCoversEveryVariant() {
        assertThat(table().<Class<?>>map(a -> a.get()[0].getClass()).toList())
                .containsAll(Arrays.asList(DomainError.class.getPermittedSubclasses()));
    }

    @Test
    void bodyWhenDescriptionHasQuotesAndControlCharactersThenStillValidJson() throws Exception {
        String description = "say \"no\"\n\t\\ </script>";

        JsonNode body = Json.MAPPER.readTree(OidcErrors.WRITER.body(WireError.INTERNAL, description));

        assertThat(body.get("error").textValue()).isEqualTo("server_error");
        assertThat(body.get("error_description").textValue()).isEqualTo(description);
    }

    @Test
    void internalWhenUnexpectedFailureThenModelInternalServerException() {
        assertThat(WireError.INTERNAL).isEqualTo(new WireError(500, "InternalServerException"));
        assertThat(OidcErrors.oauthError(WireError.INTERNAL)).isEqualTo("server_error");
    }
}
