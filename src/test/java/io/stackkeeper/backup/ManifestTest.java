package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final Manifest MANIFEST = new Manifest(Manifest.FORMAT, "nightly-20260101T020000Z", "nightly", "schedule", "system",
            Instant.parse("2026-01-01T02:00:00.123456Z"), Instant.parse("2026-01-01T02:03:10Z"), "0.1.0",
            new Manifest.StackState("registry/backend:89.0.0", "89.0.0", "sha256:aa", "registry/frontend:89.0.0", "89.0.0", "sha256:bb",
                    "4.4.29", "4.4"),
            List.of(new DumpedCollection("toucan", "dashboards", 40, 4096), new DumpedCollection("toucan", "users", 12, 900)),
            List.of(new BackupFile("mongo/toucan/dashboards.bson.gz", 1200, "ab".repeat(32)), new BackupFile("storage.tar.zst", 5000, "cd".repeat(32))));

    @Test
    void a_manifest_survives_a_round_trip_through_json_unchanged() {
        String json = MANIFEST.toJson();

        assertThat(Manifest.fromJson(json)).isEqualTo(MANIFEST);
        assertThat(json).contains("\"startedAt\" : \"2026-01-01T02:00:00.123456Z\"").contains("\"featureCompatibilityVersion\" : \"4.4\"");
        assertThat(MANIFEST.totalSize()).isEqualTo(6200);
        assertThat(MANIFEST.documents()).isEqualTo(52);
    }

    @Test
    void something_else_than_a_manifest_is_refused_with_the_reason() {
        assertThatThrownBy(() -> Manifest.fromJson("{\"format\": \"one\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a backup manifest");
    }
}
