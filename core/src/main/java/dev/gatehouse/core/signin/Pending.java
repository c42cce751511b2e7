package dev.gatehouse.core.signin;

import dev.gatehouse.core.directory.User;
import java.time.Instant;

/** A pending sign-in just started: the cookie value that finds it (only its hash is stored) and whose it is. */
public record Pending(String cookieValue, User user, Instant expiresAt) { }
