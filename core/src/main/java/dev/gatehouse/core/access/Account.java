package dev.gatehouse.core.access;

import java.time.Instant;

/** A 12-digit account id with a name and an email: what role credentials are scoped to. */
public record Account(String accountId, String name, String email, Instant createdAt) { }
