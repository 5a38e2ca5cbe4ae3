package io.stackkeeper.security;

import java.time.Instant;

/**
 * Where an account came from, for rules such as four-eyes approval.
 *
 * @param createdBy who created it; {@code null} for the first admin and accounts older than this record
 * @param adminGrantedBy who last gave it the ADMIN role; {@code null} when unknown or never
 */
public record AccountOrigin(String username, Instant createdAt, String createdBy, String adminGrantedBy, Instant adminGrantedAt) {
}
