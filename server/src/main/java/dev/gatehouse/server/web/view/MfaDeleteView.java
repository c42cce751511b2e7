package dev.gatehouse.server.web.view;

/** The question before a device is removed: removing the last one may mean setting one up at the next sign-in. */
public record MfaDeleteView(Nav nav, MfaDevicesView.DeviceRow device) { }
