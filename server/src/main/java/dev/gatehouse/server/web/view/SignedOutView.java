package dev.gatehouse.server.web.view;

/**
 * @param providerHost the host of the external identity provider, where the person may still be signed in; null
 *                     while the built-in directory signs people in
 */
public record SignedOutView(String providerHost) { }
