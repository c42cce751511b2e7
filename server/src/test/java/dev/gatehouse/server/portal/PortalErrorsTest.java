package dev.gatehouse.server.portal;

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

class PortalErrorsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                tc(new DomainError.InvalidInput("account_id", "account_id must be 12 digits"), 400,
                        "InvalidRequestException"),
                tc(new DomainError.AlreadyExists("Account", "x"), 400, "InvalidRequestException"),
                tc(new DomainError.UnsupportedGrantType("password"), 400, "InvalidRequestException"),
                tc(new DomainError.InvalidScope("bad"), 400, "InvalidRequestException"),
                tc(new DomainError.AuthorizationPending(), 400, "InvalidRequestException"),
                tc(new DomainError.CsrfRejected(), 400, "InvalidRequestException"),
                tc(new DomainError.NotFound("Role", "PowerUserAccess", "No access"), 404,
                        "ResourceNotFoundException"),
                tc(new DomainError.Unauthorized("Session token not found or invalid"), 401, "UnauthorizedException"),
                tc(new DomainError.ExpiredToken("expired"), 401, "UnauthorizedException"),
                tc(new DomainError.InvalidClient("bad client"), 401, "UnauthorizedException"),
                tc(new DomainError.UnauthorizedClient("no"), 401, "UnauthorizedException"),
                tc(new DomainError.InvalidGrant("used"), 401, "UnauthorizedException"),
                tc(new DomainError.AccessDenied("denied"), 401, "UnauthorizedException"),
                tc(new DomainError.InvalidCredentials(), 401, "UnauthorizedException"),
                tc(new DomainError.SignatureRejected(SignatureFailure.EXPIRED_TOKEN, "expired"), 401,
                        "UnauthorizedException"),
                tc(new DomainError.SlowDown(), 429, "TooManyRequestsException"),
                tc(new DomainError.TooManyRequests("later"), 429, "TooManyRequestsException"));
    }

    private static Arguments tc(DomainError error, int status, String exception) {
        return Arguments.of(error, status, exception);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("table")
    void wireErrorWhenDomainErrorThenModelStatusAndExceptionName(DomainError error, int status, String exception) {
        assertThat(PortalErrors.wireError(error)).isEqualTo(new WireError(status, exception));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void bodyWhenDomainErrorThenJsonWithOnlyTheMessage(DomainError error, int status, String exception)
            throws Exception {
        WireError wire = PortalErrors.wireError(error);

        JsonNode body = Json.MAPPER.readTree(PortalErrors.WRITER.body(wire, error.message()));

        assertThat(body.get("message").textValue()).isEqualTo(error.message());
        assertThat(body.size()).isEqualTo(1);
    }

    @Test
    void tableWhenDomainErrorFamilyGrowsThenCoversEveryVariant() {
        assertThat(table().<Class<?>>map(a -> a.get()[0].getClass()).toList())
                .containsAll(Arrays.asList(DomainError.class.getPermittedSubclasses()));
    }

    @Test
    void bodyWhenMessageHasQuotesThenStillValidJson() throws Exception {
        String message = "role \"x\"\n</script>";

        assertThat(Json.MAPPER.readTree(PortalErrors.WRITER.body(WireError.INTERNAL, message)).get("message")
                .textValue()).isEqualTo(message);
    }
}
