package io.stackkeeper.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal keeps its files and how it protects secrets at rest.
 *
 * @param dataDir folder for the embedded database, generated secrets and backups ({@code STACKKEEPER_DATA_DIR})
 * @param encryptionSecret secret of at least 32 characters from which the key for secrets at rest is derived
 *     ({@code STACKKEEPER_ENCRYPTION_SECRET}); required with the {@code prod} profile, generated otherwise
 */
@ConfigurationProperties("stackkeeper")
public record PortalProperties(@DefaultValue("./data") Path dataDir, String encryptionSecret) {

    @Override
    public String toString() {
        return "PortalProperties[dataDir=" + dataDir + ", encryptionSecret=" + (encryptionSecret == null ? "not set" : "set") + "]";
    }
}
