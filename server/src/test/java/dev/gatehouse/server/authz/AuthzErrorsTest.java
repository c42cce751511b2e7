package dev.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainError.SignatureFailure;
import dev.gatehouse.server.http.WireError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthzErrorsTest {

    @ParameterizedTest
    @CsvSource({
            "MISSING_AUTHENTICATION_TOKEN, 403, MissingAuthenticationTokenException",
            "INVALID_CLIENT_TOKEN_ID,      403, UnrecognizedClientException",
            "EXPIRED_TOKEN,                403, UnrecognizedClientException",
            "SIGNATURE_DOES_NOT_MATCH,     403, InvalidSignatureException",
            "INCOMPLETE_SIGNATURE,         403, InvalidSignatureException",
            "REQUEST_EXPIRED,              403, InvalidSignatureException",
    })
    void signatureRejectionOfTheServiceCallIsA403NamingTheFailure(SignatureFailure kind, int status, String type) {
        WireError wire = AuthzErrors.wireError(new DomainError.SignatureRejected(kind, "no"));

        assertThat(wire.status()).isEqualTo(status);
        assertThat(wire.code()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({"400, InvalidRequestException"})
    void invalidInputIsA400(int status, String type) {
        WireError wire = AuthzErrors.wireError(new DomainError.InvalidInput("action", "bad"));

        assertThat(wire.status()).isEqualTo(status);
        assertThat(wire.code()).isEqualTo(type);
    }
}
