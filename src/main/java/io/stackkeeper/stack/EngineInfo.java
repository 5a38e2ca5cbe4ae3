package io.stackkeeper.stack;

/** The container engine's identity as its version endpoint reports it. */
public record EngineInfo(String product, String version, String apiVersion, String os) {
}
