package dev.gatehouse.server.web.view;

/**
 * The first-start form that names the first administrator; the fields keep what was typed when core refuses it.
 *
 * @param error why the details were refused, or null
 */
public record SetupView(String token, String csrf, String userName, String givenName, String familyName,
                        String email, String error) { }
