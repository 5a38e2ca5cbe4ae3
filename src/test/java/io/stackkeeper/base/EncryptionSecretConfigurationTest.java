package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class EncryptionSecretConfigurationTest {

    @TempDir
    Path data;

    private final EncryptionSecretConfiguration configuration = new EncryptionSecretConfiguration();
    private final org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource();

    EncryptionSecretConfigurationTest() {
        database.setURL("jdbc:h2:mem:install-key-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new org.springframework.jdbc.core.JdbcTemplate(database).execute(
                "CREATE TABLE install_key (id INT PRIMARY KEY, salt VARCHAR(64) NOT NULL, check_value VARCHAR(200) NOT NULL)");
    }

    private SecretCipher cipher(String secret, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        PortalProperties properties = new PortalProperties(data, secret);
        return configuration.secretCipher(properties, new DataFolder(properties), environment, database,
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(LegacySealedValues.class));
    }

    @Test
    void with_the_prod_profile_the_portal_refuses_to_start_without_a_secret_and_says_what_to_set() {
        assertThatThrownBy(() -> cipher(null, "prod")).isInstanceOf(EncryptionSecretMissingException.class)
                .satisfies(e -> {
                    FailureAnalysis analysis = new EncryptionSecretFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("STACKKEEPER_ENCRYPTION_SECRET is not set");
                    assertThat(analysis.getAction()).contains("Set STACKKEEPER_ENCRYPTION_SECRET").contains("32");
                });
        assertThat(data.resolve("encryption-secret")).doesNotExist();
    }

    @Test
    void a_too_short_secret_is_refused_in_any_profile() {
        assertThatThrownBy(() -> cipher("too-short")).isInstanceOf(EncryptionSecretMissingException.class)
                .hasMessageContaining("at least 32");
    }

    @Test
    void without_prod_a_secret_is_generated_once_into_an_owner_only_file_and_reused() throws Exception {
        String sealed = cipher(null).encrypt("webhook", "field");
        Path file = data.resolve("encryption-secret");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(cipher(null).decrypt(sealed, "field")).as("the next start reads the same secret").isEqualTo("webhook");
    }

    @Test
    void a_configured_secret_is_used_with_the_installs_own_salt() {
        String sealed = cipher("a-configured-secret-of-enough-length", "prod").encrypt("x", "field");
        assertThat(cipher("a-configured-secret-of-enough-length", "prod").decrypt(sealed, "field")).isEqualTo("x");
        assertThatThrownBy(() -> new SecretCipher("a-configured-secret-of-enough-length").decrypt(sealed, "field"))
                .as("without the install's salt").isInstanceOf(IllegalStateException.class);
        assertThat(data.resolve("encryption-secret")).doesNotExist();
    }

    @Test
    void a_different_secret_on_an_existing_install_stops_the_start_with_one_clear_line() {
        cipher("the-secret-this-install-was-started-with");

        assertThatThrownBy(() -> cipher("another-secret-of-enough-length-0000")).isInstanceOf(EncryptionSecretMismatchException.class)
                .satisfies(e -> {
                    FailureAnalysis analysis = new EncryptionSecretFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("is not the secret this data folder's secrets were sealed with")
                            .doesNotContain("\n");
                    assertThat(analysis.getAction()).contains("it was first started with");
                });
    }
}
