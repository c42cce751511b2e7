package dev.gatehouse.server.web.view;

/**
 * Adding an authenticator app: the QR code and the same secret as text, and a form for the app's name and first
 * code.
 *
 * @param nav        the portal header for someone signed in; null while a sign-in waits for this enrolment
 * @param deviceId   the enrolment started, or null for the page that offers to start one
 * @param qrSvg      the otpauth URI drawn as an SVG element, made on the server from nothing the user typed
 * @param secretText the secret in base 32, in groups of four to type in
 * @param otpauthUri the same as a link, for an app on the device showing this page
 */
public record AuthenticatorAppView(Nav nav, String csrf, String next, String userName, String deviceId, String name,
                                   String qrSvg, String secretText, String otpauthUri, String nameError,
                                   String codeError, String error) {

    public boolean atSignIn() {
        return nav == null;
    }

    public boolean started() {
        return deviceId != null;
    }
}
