package io.stackkeeper.security;

import java.time.Instant;
import java.util.Set;

/** A user as the admin screens and the API show it: never the password hash. */
public record UserSummary(String username, Set<Role> roles, boolean enabled, Instant createdAt) {
}
