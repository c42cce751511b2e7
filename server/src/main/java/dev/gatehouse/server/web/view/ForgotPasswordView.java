package dev.gatehouse.server.web.view;

/**
 * The forgotten-password page: the form, or the answer it always gives, or (without a mail server) whom to ask.
 *
 * @param selfService  whether links are mailed at all
 * @param sent         whether to show the answer instead of the form
 * @param linkLifetime how long a link works, in words
 * @param error        why the request was refused (too many from this address), or null
 */
public record ForgotPasswordView(String csrf, boolean selfService, boolean sent, String linkLifetime,
                                 String error) { }
