package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.stack.Version;
import org.junit.jupiter.api.Test;

class ReleaseCatalogTest {

    private static ReleaseCatalog shipped() {
        return CatalogParser.shipped();
    }

    private static BreakingChange change(ReleaseCatalog catalog, String id) {
        return catalog.releases().stream().flatMap(r -> r.breakingChanges().stream())
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void the_shipped_catalog_lists_every_release_with_breaking_changes_of_the_seed() {
        ReleaseCatalog catalog = shipped();
        assertThat(catalog.catalogVersion()).isEqualTo(1);
        assertThat(catalog.releases()).extracting(r -> r.version().toString())
                .containsExactly("44.4.0", "56.1.0", "60.0.0", "76.0.0", "77.0.0", "89.0.0", "90.0.0");
        assertThat(catalog.releases()).allSatisfy(r -> assertThat(r.breakingChanges()).isNotEmpty());
    }

    @Test
    void the_shipped_56_1_0_change_quotes_the_seed_and_stops_at_44_4_0() {
        BreakingChange stop = change(shipped(), "bc-56.1.0-stop-at-44.4.0");
        assertThat(stop.text()).contains("Please ensure that your current version is strictly superior to 44.4.0. "
                + "otherwise, upgrade first to the 44.4.0 version");
        assertThat(stop.requirements().mandatoryStop()).isEqualTo(Version.parse("44.4.0"));
        assertThat(change(shipped(), "bc-56.1.0-mongo-4.0").requirements().minimumMongo()).hasToString("4.0");
    }

    @Test
    void the_shipped_catalog_carries_the_machine_checkable_requirements() {
        ReleaseCatalog catalog = shipped();
        assertThat(change(catalog, "bc-44.4.0-mongo-3.6").requirements().minimumMongo()).hasToString("3.6");
        assertThat(change(catalog, "bc-76.0.0-db-encryption-secret").requirements().requiredEnvironment())
                .containsExactly("TOUCAN_DB_ENCRYPTION_SECRET");
        Requirements mongo42 = change(catalog, "bc-77.0.0-mongo-4.2").requirements();
        assertThat(mongo42.minimumMongo()).hasToString("4.2");
        assertThat(mongo42.featureCompatibilityVersion()).hasToString("4.2");
        Requirements mongo44 = change(catalog, "bc-89.0.0-mongo-4.4").requirements();
        assertThat(mongo44.minimumMongo()).hasToString("4.4");
        assertThat(mongo44.featureCompatibilityVersion()).hasToString("4.4");
        assertThat(change(catalog, "bc-89.0.0-mongo-4.4").text()).contains("setFeatureCompatibilityVersion: '4.4'");
        assertThat(change(catalog, "bc-90.0.0-x-json-flavor").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void crossing_counts_releases_after_the_start_up_to_and_including_the_target() {
        assertThat(shipped().crossedBetween(Version.parse("76.0.0"), Version.parse("89.0.0")))
                .extracting(BreakingChange::id).containsExactly("bc-77.0.0-mongo-4.2", "bc-89.0.0-mongo-4.4");
    }

    @Test
    void malformed_json_is_refused_with_its_line() {
        String json = """
                {
                  "catalogVersion": 1,
                  "releases": [
                    { "version": "90.0.0" "breakingChanges": [] }
                  ]
                }
                """;
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .isInstanceOfSatisfying(CatalogRefusedException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageStartingWith("line 4: ");
    }

    @Test
    void a_version_listed_twice_is_refused_naming_both_lines() {
        String json = """
                {
                  "catalogVersion": 1,
                  "releases": [
                    { "version": "89.0.0" },
                    { "version": "90.0.0" },
                    { "version": "89.0.0" }
                  ]
                }
                """;
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .hasMessage("line 6: version 89.0.0 is listed twice (first at line 4)");
    }

    @Test
    void a_floating_version_is_refused_with_its_line() {
        String json = """
                {
                  "catalogVersion": 1,
                  "releases": [
                    {
                      "version": "latest"
                    }
                  ]
                }
                """;
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .hasMessage("line 5: version 'latest' is not a pinned version like 89.0.0");
    }

    @Test
    void an_unknown_severity_is_refused_with_its_line() {
        String json = release("""
                "breakingChanges": [{
                  "id": "bc-90.0.0-header", "title": "Header", "text": "Read me",
                  "severity": "HIGH"
                }]""");
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .hasMessage("line 7: severity 'HIGH' is not one of [INFO, WARNING, CRITICAL]");
    }

    @Test
    void an_id_used_twice_is_refused() {
        String json = release("""
                "breakingChanges": [
                  { "id": "bc-1", "title": "A", "text": "a", "severity": "INFO" },
                  { "id": "bc-1", "title": "B", "text": "b", "severity": "INFO" }
                ]""");
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .hasMessage("line 7: breaking change id 'bc-1' is used twice (first at line 6)");
    }

    @Test
    void a_mandatory_stop_that_is_not_earlier_than_its_release_is_refused() {
        String json = release("""
                "breakingChanges": [{ "id": "bc-1", "title": "A", "text": "a", "severity": "INFO",
                  "requirements": { "mandatoryStop": "90.0.0" } }]""");
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .hasMessage("line 6: mandatoryStop 90.0.0 is not earlier than release 90.0.0");
    }

    @Test
    void a_mongo_series_that_is_not_major_dot_minor_is_refused() {
        String json = release("""
                "breakingChanges": [{ "id": "bc-1", "title": "A", "text": "a", "severity": "INFO",
                  "requirements": { "minimumMongo": "4.4", "featureCompatibilityVersion": "4" } }]""");
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .hasMessage("line 6: featureCompatibilityVersion '4' is not a MongoDB series like 4.4");
    }

    @Test
    void a_feature_compatibility_version_above_the_minimum_mongo_is_refused() {
        String json = release("""
                "breakingChanges": [{ "id": "bc-1", "title": "A", "text": "a", "severity": "INFO",
                  "requirements": { "minimumMongo": "4.2", "featureCompatibilityVersion": "4.4" } }]""");
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .hasMessageContaining("featureCompatibilityVersion 4.4 needs MongoDB 4.4 but minimumMongo is only 4.2");
    }

    @Test
    void a_misspelt_field_is_refused_instead_of_ignored() {
        String json = release("""
                "breakingChanges": [{ "id": "bc-1", "title": "A", "text": "a", "severity": "INFO",
                  "requirements": { "minimumMongoDB": "4.4" } }]""");
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .hasMessageStartingWith("line 6: unknown field 'minimumMongoDB'");
    }

    @Test
    void a_field_given_twice_in_one_object_is_refused_with_its_line() {
        String json = """
                {
                  "catalogVersion": 1,
                  "releases": [ { "version": "89.0.0",
                                  "version": "90.0.0" } ]
                }
                """;
        assertThatThrownBy(() -> CatalogParser.parse(json))
                .hasMessageStartingWith("line 4: ").hasMessageContaining("version");
    }

    @Test
    void a_catalog_format_this_portal_cannot_read_is_refused() {
        assertThatThrownBy(() -> CatalogParser.parse("{\n\"catalogVersion\": 2, \"releases\": []}"))
                .hasMessage("line 2: catalogVersion 2 is not supported; this portal reads catalogVersion 1");
    }

    @Test
    void a_catalog_without_releases_is_refused() {
        assertThatThrownBy(() -> CatalogParser.parse("{\"catalogVersion\": 1, \"releases\": []}"))
                .hasMessage("line 1: the catalog lists no releases");
        assertThatThrownBy(() -> CatalogParser.parse("  "))
                .hasMessage("line 1: the catalog is empty");
    }

    /** A catalog of one release 90.0.0 whose remaining fields start on line 5. */
    private static String release(String fields) {
        return """
                {
                  "catalogVersion": 1,
                  "releases": [ {
                    "version": "90.0.0",
                """ + fields + "\n} ] }\n";
    }
}
