package dev.gatehouse.core.throttle;

import java.time.Instant;

/**
 * The recent failures of one throttled subject (a user name, a source address, a browser session).
 *
 * @param subject       the SHA-256 of what is throttled, so typed names (sometimes a password typed in the
 *                      wrong field) are not kept and the key has a fixed size
 * @param failures      failures since the count last started again
 * @param lastFailureAt when the latest of them happened
 */
public record FailedAttempts(String subject, int failures, Instant lastFailureAt) { }
