package dev.gatehouse.server.web.view.admin;

/**
 * One of a user's MFA devices in the console.
 *
 * @param kind "Authenticator app" or "Security key or passkey"
 */
public record MfaDeviceRow(String deviceId, String name, String kind, String addedAt) { }
