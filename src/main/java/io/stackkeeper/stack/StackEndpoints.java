package io.stackkeeper.stack;

/**
 * Where the stack's parts listen, without credentials: what monitoring needs to probe them.
 *
 * @param mongo {@code host:port} of the first MongoDB host in the URI, or null
 * @param redis {@code host:port} of Redis, or null
 * @param statusUserAgentSet whether a status-page User-Agent is stored
 */
public record StackEndpoints(String backendUrl, String frontendUrl, String mongo, String redis, boolean statusUserAgentSet) {
}
