package io.stackkeeper.stack;

/**
 * New stack settings. For the secret fields ({@code mongoUri}, {@code redisUri}, {@code statusUserAgent},
 * {@code registryPassword}) {@code null} keeps the stored value and an empty string removes it.
 */
public record StackSettingsChange(String engineEndpoint, String engineTlsPath, ContainerLookup lookupMode,
        String backendContainer, String frontendContainer, String composeProject, String backendService,
        String frontendService, String mongoUri, String redisUri, String backendUrl, String frontendUrl,
        String statusUserAgent, String storageHostPath, String registryUrl, String registryUsername,
        String registryPassword, String backendRepository, String frontendRepository) {

    @Override
    public String toString() {
        return "StackSettingsChange[engineEndpoint=" + engineEndpoint + ", lookupMode=" + lookupMode + ", secrets hidden]";
    }
}
