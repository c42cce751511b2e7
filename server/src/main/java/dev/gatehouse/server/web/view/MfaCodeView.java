package dev.gatehouse.server.web.view;

/**
 * The second step of signing in: the code of an authenticator app.
 *
 * @param next     where to go after signing in, already checked to be a path on this origin
 * @param userName who is signing in (they typed it a moment ago)
 * @param error    why the last code was refused, or null
 * @param startAgainHref the password step again, returning to {@code next}
 */
public record MfaCodeView(String csrf, String next, String userName, String error, String startAgainHref) { }
