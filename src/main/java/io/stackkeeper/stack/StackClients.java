package io.stackkeeper.stack;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one place engine clients are made: a client of the configured engine, kept while its endpoint stays, and
 * short-lived ones for endpoints being tried. A test hands in another {@link Opener} to run logic against a fake.
 */
@Component
class StackClients {

    /** Opens a client of the engine at an endpoint. */
    @FunctionalInterface
    interface Opener {
        StackClient open(String endpoint, String tlsPath, Duration timeout);
    }

    private final Duration timeout;
    private final Opener opener;
    private volatile Cached cached;

    @Autowired
    StackClients(StackProperties properties) {
        this(properties.timeout(), DockerStackClient::new);
    }

    StackClients(Duration timeout, Opener opener) {
        this.timeout = timeout;
        this.opener = opener;
    }

    /** A new client of this endpoint with the configured timeout; the caller closes it. */
    StackClient open(String endpoint, String tlsPath) {
        return opener.open(endpoint, tlsPath, timeout);
    }

    /** A new client with its own connect timeout; the caller closes it. */
    StackClient open(String endpoint, String tlsPath, Duration connectTimeout) {
        return opener.open(endpoint, tlsPath, connectTimeout);
    }

    /** The client of the configured engine, replaced when the endpoint changes; never closed by the caller. */
    StackClient of(UnsealedSettings settings) {
        Cached current = cached;
        String key = settings.engineEndpoint() + "|" + settings.engineTlsPath();
        if (current == null || !current.key().equals(key)) {
            current = new Cached(key, open(settings.engineEndpoint(), settings.engineTlsPath()));
            cached = current;
        }
        return current.client();
    }

    /** Drops the kept client, so the next call opens one with the new settings. */
    void forget() {
        cached = null;
    }

    @PreDestroy
    void close() {
        Cached current = cached;
        if (current != null) {
            current.client().close();
        }
    }

    private record Cached(String key, StackClient client) {
    }
}
