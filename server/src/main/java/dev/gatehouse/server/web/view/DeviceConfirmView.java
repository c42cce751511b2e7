package dev.gatehouse.server.web.view;

/**
 * The page that asks a person to compare the code with their device's and approve or deny it.
 *
 * @param expiresAtIso  machine-readable expiry for {@code <time datetime>}
 * @param expiresAtText the expiry as people read it, in UTC
 * @param expiresInText how long is left, e.g. "in 9 minutes"
 */
public record DeviceConfirmView(String signedInAs, String csrf, String userCode, String clientName,
                                String expiresAtIso, String expiresAtText, String expiresInText) { }
