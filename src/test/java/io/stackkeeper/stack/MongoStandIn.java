package io.stackkeeper.stack;

import java.io.Closeable;

/** The MongoDB stand-in for tests of every feature: an in-memory wire-protocol server on a free loopback port. */
public final class MongoStandIn implements Closeable {

    private final MongoStandInServer server;

    private MongoStandIn(MongoStandInServer server) {
        this.server = server;
    }

    /** A stand-in reporting this server version and featureCompatibilityVersion. */
    public static MongoStandIn inMemory(String version, String featureCompatibilityVersion) {
        return new MongoStandIn(MongoStandInServer.inMemory(version, featureCompatibilityVersion));
    }

    public int port() {
        return server.port();
    }

    /** {@code mongodb://127.0.0.1:<port>} without credentials. */
    public String uri() {
        return server.uri();
    }

    /** Adds a user that can authenticate with SCRAM-SHA-256 against the {@code admin} database. */
    public void createUser(String username, String password) {
        server.createUser(username, password);
    }

    public String featureCompatibilityVersion() {
        return server.featureCompatibilityVersion();
    }

    @Override
    public void close() {
        server.close();
    }
}
