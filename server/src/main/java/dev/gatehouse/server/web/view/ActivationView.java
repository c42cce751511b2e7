package dev.gatehouse.server.web.view;

/**
 * The set-password form of an activation link.
 *
 * @param passwordRule  the policy, always shown so nobody has to fail first to learn it
 * @param passwordError why the password was refused, or null
 * @param confirmError  why the confirmation was refused, or null
 */
public record ActivationView(String userName, String token, String csrf, String passwordRule, String passwordError,
                             String confirmError) { }
