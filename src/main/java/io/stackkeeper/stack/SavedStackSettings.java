package io.stackkeeper.stack;

import java.time.Instant;

/** The stack settings as an admin sees them: secrets only as set or not set, never their values. */
public record SavedStackSettings(String engineEndpoint, String engineTlsPath, ContainerLookup lookupMode,
        String backendContainer, String frontendContainer, String composeProject, String backendService,
        String frontendService, boolean mongoUriSet, boolean redisUriSet, String backendUrl, String frontendUrl,
        boolean statusUserAgentSet, String storageHostPath, String registryUrl, String registryUsername,
        boolean registryPasswordSet, String backendRepository, String frontendRepository, boolean demo,
        Instant updatedAt, String updatedBy) {
}
