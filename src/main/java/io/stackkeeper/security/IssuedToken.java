package io.stackkeeper.security;

import java.time.Instant;

/** A newly created API token; the only time its value is ever shown. */
public record IssuedToken(long id, String name, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", name=" + name + ", expiresAt=" + expiresAt + "]";
    }
}
