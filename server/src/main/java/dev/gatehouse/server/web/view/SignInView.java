package dev.gatehouse.server.web.view;

/**
 * @param next     where to go after signing in, already checked to be a path on this origin
 * @param userName what was typed before, so a failed attempt need not retype it; may be empty
 * @param error    the one sign-in failure message, or null
 */
public record SignInView(String csrf, String next, String userName, String error) { }
