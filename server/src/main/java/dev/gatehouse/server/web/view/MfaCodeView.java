package dev.gatehouse.server.web.view;

/**
 * The second step of signing in: the code of an authenticator app, or a security key or passkey.
 *
 * @param next     where to go after signing in, already checked to be a path on this origin
 * @param userName who is signing in (they typed it a moment ago)
 * @param error    why the last answer was refused, or null
 * @param startAgainHref the password step again, returning to {@code next}
 * @param app      whether the user has an authenticator app to take a code from
 * @param keyHandle  the challenge for a security key, or null when the user has none
 * @param keyOptions the WebAuthn request options for that challenge (JSON), or null
 */
public record MfaCodeView(String csrf, String next, String userName, String error, String startAgainHref,
                          boolean app, String keyHandle, String keyOptions) { }
