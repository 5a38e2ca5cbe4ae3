package io.stackkeeper.stack;

/** What Redis reports in INFO. */
public record RedisFacts(String version, long usedMemoryBytes, String usedMemoryHuman, int connectedClients, long uptimeSeconds) {
}
