package dev.gatehouse.server.web.view;

/** The page after a device request was approved or denied. */
public record DeviceDecidedView(boolean approved) { }
