package dev.gatehouse.server.web.view;

import java.util.List;

/**
 * {@code /start/mfa}: the person's second factors, each renamed or removed from here, and the ways to add one.
 *
 * @param notice what the last change did, or null
 * @param error  why the last change was refused, or null
 */
public record MfaDevicesView(Nav nav, List<DeviceRow> devices, String notice, String error) {

    public MfaDevicesView {
        devices = List.copyOf(devices);
    }

    /** @param kind "Authenticator app" or "Security key or passkey" */
    public record DeviceRow(String deviceId, String name, String kind, String addedIso, String addedText) { }
}
