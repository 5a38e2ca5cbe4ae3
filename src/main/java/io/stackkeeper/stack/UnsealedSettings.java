package io.stackkeeper.stack;

/** Stack settings with secrets opened, for one round of calls; never leaves the stack package. */
record UnsealedSettings(String engineEndpoint, String engineTlsPath, ContainerLookup lookupMode, String backendContainer,
        String frontendContainer, String composeProject, String backendService, String frontendService, String mongoUri,
        String redisUri, String backendUrl, String frontendUrl, String statusUserAgent, String storageHostPath,
        String registryUrl, String registryUsername, String registryPassword, String backendRepository,
        String frontendRepository, boolean demo) {

    @Override
    public String toString() {
        return "UnsealedSettings[engineEndpoint=" + engineEndpoint + ", secrets hidden]";
    }
}
