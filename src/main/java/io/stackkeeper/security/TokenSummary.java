package io.stackkeeper.security;

import java.time.Instant;

/** An API token as listed to its owner: never its value. State is {@code active}, {@code expired} or {@code revoked}. */
public record TokenSummary(long id, String name, String owner, Instant createdAt, Instant expiresAt, String state) {
}
