package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.Auditor;
import dev.gatehouse.core.error.DomainError;
import java.util.Map;

/** The sign-in events as AWS sign-in logs them, shared by the steps so each step's events read the same. */
final class SignInAudit {

    static final String PASSWORD = "PASSWORD";

    private SignInAudit() {
    }

    static Map<String, Object> credential(String userName, String credentialType) {
        return Map.of("userName", userName, "credentialType", credentialType);
    }

    /**
     * A credential asked for and checked, before the {@code UserAuthentication} that ends the sign-in: the
     * challenge, then whether it was right ({@code error} null).
     */
    static void challengeAndVerification(Auditor auditor, String userName, String credentialType, DomainError error) {
        Map<String, Object> parameters = credential(userName, credentialType);
        auditor.success("CredentialChallenge", parameters);
        verification(auditor, userName, credentialType, error);
    }

    /** Whether a credential was right ({@code error} null). */
    static void verification(Auditor auditor, String userName, String credentialType, DomainError error) {
        Map<String, Object> parameters = credential(userName, credentialType);
        if (error == null) {
            auditor.success("CredentialVerification", parameters, Map.of("result", "Success"));
        } else {
            auditor.failure("CredentialVerification", parameters, error);
        }
    }
}
