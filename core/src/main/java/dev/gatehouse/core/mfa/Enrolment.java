package dev.gatehouse.core.mfa;

/**
 * What the user needs to add an authenticator app: the secret as text to type in, and the otpauth URI to
 * show as a QR code. Shown once, at enrolment; afterwards the secret exists only sealed.
 */
public record Enrolment(String deviceId, String secretText, String otpauthUri) {

    @Override
    public String toString() {
        return "Enrolment[deviceId=" + deviceId + ", secret hidden]";
    }
}
