package io.stackkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level docker-compose.yml as Debian's docker-compose reads it, with the committed example settings. */
class ComposeFileTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void the_compose_file_is_valid_with_the_example_settings_and_pins_every_version() throws Exception {
        Result config = config(filledIn());

        assertThat(config.status()).as(config.output()).isZero();
        assertThat(config.output()).contains("backend:", "frontend:", "mongo:", "redis:", "stackkeeper:", "postgres:")
                .contains("image: registry.example.com/acme/analytics-backend:89.0.0", "image: registry.example.com/acme/analytics-frontend:89.0.0")
                .contains("/var/run/docker.sock", ":/app/storage", "STACKKEEPER_ENCRYPTION_SECRET")
                .doesNotContainIgnoringCase("latest");
    }

    @Test
    void a_missing_version_or_secret_stops_the_stack_with_what_to_set() throws Exception {
        Result unpinned = config(filledIn().replace("BACKEND_VERSION=89.0.0", ""));
        Result noSecret = config(Files.readString(PROJECT.resolve(".env.example")));

        assertThat(unpinned.status()).isNotZero();
        assertThat(unpinned.output()).contains("pin BACKEND_VERSION");
        assertThat(noSecret.status()).isNotZero();
        assertThat(noSecret.output()).contains("set STACKKEEPER_ENCRYPTION_SECRET");
    }

    @Test
    void the_image_runs_as_a_user_with_a_health_check_and_takes_its_base_images_as_arguments() throws IOException {
        List<String> dockerfile = Files.readAllLines(PROJECT.resolve("Dockerfile"));

        assertThat(dockerfile).anyMatch(line -> line.startsWith("ARG BUILD_IMAGE=")).anyMatch(line -> line.startsWith("ARG RUN_IMAGE="))
                .anyMatch(line -> line.startsWith("FROM ${BUILD_IMAGE} AS build")).anyMatch(line -> line.startsWith("FROM ${RUN_IMAGE}"))
                .anyMatch(line -> line.startsWith("USER 10001")).anyMatch(line -> line.startsWith("HEALTHCHECK"))
                .anyMatch(line -> line.contains("SharedArchiveFile"));
        assertThat(Files.readString(PROJECT.resolve(".gitignore"))).contains("/.env");
    }

    private record Result(int status, String output) {
    }

    /** The example settings with the one an installer must choose, the secret, filled in. */
    private static String filledIn() throws IOException {
        return Files.readString(PROJECT.resolve(".env.example"))
                .replace("STACKKEEPER_ENCRYPTION_SECRET=\n", "STACKKEEPER_ENCRYPTION_SECRET=test-secret-of-at-least-32-characters\n");
    }

    /** {@code docker-compose config} of the project's compose file with these settings as its env file. */
    private Result config(String env) throws Exception {
        Path envFile = dir.resolve("test.env");
        Files.writeString(envFile, env);
        Process process = new ProcessBuilder("docker-compose", "--project-directory", PROJECT.toString(), "-f",
                PROJECT.resolve("docker-compose.yml").toString(), "--env-file", envFile.toString(), "config")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
