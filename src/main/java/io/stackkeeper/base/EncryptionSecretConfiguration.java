package io.stackkeeper.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import javax.sql.DataSource;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Provides the {@link SecretCipher}. With the {@code prod} profile the secret must come from the environment;
 * elsewhere a random one is generated once into the data folder so that a first start needs no setup.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionSecretConfiguration {

    static final String GENERATED_SECRET_FILE = "encryption-secret";
    private static final Logger log = LoggerFactory.getLogger(EncryptionSecretConfiguration.class);

    /** After the migrations: the install's salt and check value live in the database. */
    @Bean
    @DependsOn("flywayInitializer")
    SecretCipher secretCipher(PortalProperties properties, DataFolder dataFolder, Environment environment, DataSource dataSource,
            ObjectProvider<LegacySealedValues> legacy) {
        List<String> legacySealed = legacy.orderedStream().flatMap(values -> values.sealedValues().stream()).toList();
        return InstallKey.unlock(secret(properties, dataFolder, environment), new JdbcTemplate(dataSource), legacySealed);
    }

    private static String secret(PortalProperties properties, DataFolder dataFolder, Environment environment) {
        String configured = properties.encryptionSecret();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < SecretCipher.MINIMUM_SECRET_LENGTH) {
                throw new EncryptionSecretMissingException("STACKKEEPER_ENCRYPTION_SECRET is too short: it needs at least "
                        + SecretCipher.MINIMUM_SECRET_LENGTH + " characters");
            }
            return configured;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new EncryptionSecretMissingException("STACKKEEPER_ENCRYPTION_SECRET is not set");
        }
        return generatedSecret(dataFolder);
    }

    private static String generatedSecret(DataFolder dataFolder) {
        Path file = dataFolder.resolve(GENERATED_SECRET_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        dataFolder.writeOwnerOnly(GENERATED_SECRET_FILE, secret + "\n");
        log.warn("STACKKEEPER_ENCRYPTION_SECRET is not set: generated a random secret into {}. "
                + "Keep this file with your backups, or set the variable (required with the prod profile).", file);
        return secret;
    }
}
