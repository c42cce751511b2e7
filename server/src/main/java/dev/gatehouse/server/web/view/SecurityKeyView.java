package dev.gatehouse.server.web.view;

/**
 * {@code /start/mfa/security-key}: a name and a button; the page's script asks the browser for a new passkey with
 * {@code optionsJson} and posts its answer with the name and {@code handle}.
 *
 * @param optionsJson null when no key can be added (the limit), and then {@code error} says why
 * @param nameError   shown beside the name field, or null
 * @param error       a refusal not about the name, or null
 */
public record SecurityKeyView(Nav nav, String name, String handle, String optionsJson, String nameError,
                              String error) { }
