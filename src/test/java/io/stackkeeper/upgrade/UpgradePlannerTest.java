package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.stack.Version;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpgradePlannerTest {

    private static final String SECRET = "TOUCAN_DB_ENCRYPTION_SECRET";
    private static final long GIB = 1L << 30;

    private final UpgradePlanner planner = new UpgradePlanner(CatalogParser.shipped());

    /** A healthy stack at the given versions; each test changes what it is about. */
    private static final class Facts {
        String backend;
        String frontend;
        String mongo = "4.4.29";
        String fcv = "4.4";
        Set<String> environment = Set.of("TOUCAN_API_URL", SECRET);
        long free = 10 * GIB;
        long lastSet = GIB;
        StackVersions lastUpgradeFrom;
        Set<String> available = Set.of("40.2.1", "40.1.0", "60.0.3", "89.0.2", "90.0.1", "90.0.3");

        Facts(String backend, String frontend) {
            this.backend = backend;
            this.frontend = frontend;
        }

        UpgradeFacts build() {
            return new UpgradeFacts(versions(backend, frontend), mongo, fcv, environment, free, lastSet, lastUpgradeFrom,
                    available.stream().map(Version::parse).collect(Collectors.toSet()));
        }
    }

    private static StackVersions versions(String backend, String frontend) {
        return new StackVersions(Version.parse(backend), Version.parse(frontend));
    }

    private static Check check(PlannedStep step, String name) {
        return step.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String[] ids(PlannedStep step) {
        return step.breakingChanges().stream().map(BreakingChange::id).toArray(String[]::new);
    }

    @Test
    void from_40_to_60_the_plan_stops_at_44_4_0_first() {
        Facts facts = new Facts("40.2.1", "40.1.0");
        facts.mongo = "4.0.28";
        facts.fcv = "4.0";
        UpgradePlan plan = planner.plan("60.0.0", "60.0.3", facts.build());

        assertThat(plan.steps()).extracting(s -> s.backend() + "/" + s.frontend())
                .containsExactly("44.4.0/44.4.0", "60.0.0/60.0.3");
        assertThat(ids(plan.steps().get(0))).containsExactly("bc-44.4.0-mongo-3.6");
        assertThat(ids(plan.steps().get(1)))
                .containsExactly("bc-56.1.0-mongo-4.0", "bc-56.1.0-stop-at-44.4.0", "bc-60.0.0-backend-image");
        assertThat(plan.breakingChanges()).hasSize(4);
        assertThat(plan.blocked()).isFalse();
    }

    @Test
    void a_stack_already_at_44_4_0_meets_the_56_1_0_condition_and_goes_straight_on() {
        Facts facts = new Facts("44.4.0", "44.4.0");
        facts.available = Set.of("60.0.0");
        UpgradePlan plan = planner.plan("60.0.0", "60.0.0", facts.build());
        assertThat(plan.steps()).extracting(PlannedStep::backend).containsExactly(Version.parse("60.0.0"));
    }

    @Test
    void only_the_plan_wide_checks_sit_on_the_first_step() {
        UpgradePlan plan = planner.plan("60.0.0", "60.0.3", new Facts("40.2.1", "40.1.0").build());
        assertThat(plan.steps().get(0).checks()).extracting(Check::name)
                .containsExactly("backup space", "majors", "mongodb", "feature compatibility", "environment");
        assertThat(plan.steps().get(1).checks()).extracting(Check::name)
                .containsExactly("majors", "mongodb", "feature compatibility", "environment");
    }

    @Test
    void a_target_pair_with_different_majors_fails_and_blocks_the_plan() {
        UpgradePlan plan = planner.plan("90.0.0", "89.0.2", new Facts("89.0.0", "89.0.0").build());
        Check majors = check(plan.steps().get(0), "majors");
        assertThat(majors.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(majors.reason()).contains("90.0.0", "89.0.2", "different majors");
        assertThat(plan.blocked()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "latest-monthly", "dev", "89", "89.0", ""})
    void floating_or_non_semantic_tags_can_never_be_a_target(String tag) {
        assertThatThrownBy(() -> planner.plan(tag, "90.0.0", new Facts("89.0.0", "89.0.0").build()))
                .isInstanceOf(PlanRefusedException.class)
                .hasMessageContaining("pinned version like 89.0.0");
    }

    @Test
    void a_floating_frontend_tag_is_refused_naming_the_frontend() {
        assertThatThrownBy(() -> planner.plan("90.0.0", "latest-monthly", new Facts("89.0.0", "89.0.0").build()))
                .hasMessageStartingWith("The frontend tag 'latest-monthly' is not a pinned version");
    }

    @Test
    void a_version_neither_in_the_catalog_nor_in_the_registry_is_refused() {
        assertThatThrownBy(() -> planner.plan("91.0.0", "91.0.0", new Facts("90.0.0", "90.0.0").build()))
                .isInstanceOf(PlanRefusedException.class)
                .hasMessageContaining("backend version 91.0.0 is unknown");
    }

    @Test
    void a_version_found_in_the_registry_but_not_in_the_catalog_can_be_planned() {
        UpgradePlan plan = planner.plan("90.0.1", "90.0.3", new Facts("90.0.0", "90.0.0").build());
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.breakingChanges()).isEmpty();
            assertThat(step.featureCompatibilityVersion()).isNull();
        });
        assertThat(plan.blocked()).isFalse();
    }

    @Test
    void the_versions_already_running_are_not_an_upgrade() {
        assertThatThrownBy(() -> planner.plan("90.0.0", "90.0.0", new Facts("90.0.0", "90.0.0").build()))
                .isInstanceOf(PlanRefusedException.class)
                .hasMessageContaining("already runs");
    }

    @Test
    void a_frontend_only_upgrade_is_one_step_without_breaking_changes() {
        UpgradePlan plan = planner.plan("90.0.0", "90.0.3", new Facts("90.0.0", "90.0.1").build());
        assertThat(plan.steps()).singleElement().satisfies(step -> assertThat(step.breakingChanges()).isEmpty());
        assertThat(plan.blocked()).isFalse();
    }

    @Test
    void a_downgrade_is_refused_when_no_upgrade_is_recorded() {
        UpgradePlan plan = planner.plan("89.0.0", "89.0.2", new Facts("90.0.0", "90.0.0").build());
        Check downgrade = check(plan.steps().get(0), "downgrade");
        assertThat(downgrade.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(downgrade.reason()).contains("refused", "no upgrade is recorded");
        assertThat(plan.blocked()).isTrue();
    }

    @Test
    void a_downgrade_elsewhere_than_the_start_of_the_last_upgrade_is_refused() {
        Facts facts = new Facts("90.0.0", "90.0.0");
        facts.lastUpgradeFrom = versions("89.0.0", "89.0.2");
        UpgradePlan plan = planner.plan("77.0.0", "77.0.0", facts.build());
        assertThat(check(plan.steps().get(0), "downgrade").reason()).contains("only the rollback of the last upgrade");
        assertThat(plan.blocked()).isTrue();
    }

    @Test
    void the_rollback_of_the_last_upgrade_is_allowed_with_a_warning_that_migrations_may_have_changed_data() {
        Facts facts = new Facts("90.0.0", "90.0.0");
        facts.lastUpgradeFrom = versions("89.0.0", "89.0.2");
        UpgradePlan plan = planner.plan("89.0.0", "89.0.2", facts.build());
        PlannedStep step = plan.steps().get(0);
        assertThat(check(step, "downgrade").status()).isEqualTo(CheckStatus.WARN);
        assertThat(check(step, "downgrade").reason()).contains("migrations may have changed data");
        assertThat(step.breakingChanges()).isEmpty();
        assertThat(step.featureCompatibilityVersion()).isNull();
        assertThat(plan.blocked()).isFalse();
    }

    @Test
    void the_start_of_the_last_upgrade_is_known_even_when_the_registry_no_longer_lists_it() {
        Facts facts = new Facts("90.0.0", "90.0.0");
        facts.lastUpgradeFrom = versions("89.0.0", "89.0.1");
        assertThat(planner.plan("89.0.0", "89.0.1", facts.build()).blocked()).isFalse();
    }

    @Test
    void crossing_77_0_0_sets_the_feature_compatibility_version_to_4_2() {
        Facts facts = new Facts("76.0.0", "76.0.0");
        facts.mongo = "4.2.24";
        facts.fcv = "4.0";
        UpgradePlan plan = planner.plan("77.0.0", "77.0.0", facts.build());
        PlannedStep step = plan.steps().get(0);
        assertThat(step.featureCompatibilityVersion()).hasToString("4.2");
        assertThat(check(step, "feature compatibility").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(step, "feature compatibility").reason()).contains("setFeatureCompatibilityVersion: '4.2'");
        assertThat(plan.blocked()).isFalse();
    }

    @Test
    void crossing_89_0_0_on_mongodb_4_2_is_blocked_until_mongodb_is_upgraded_to_4_4() {
        Facts facts = new Facts("77.0.0", "77.0.0");
        facts.mongo = "4.2.24";
        facts.fcv = "4.2";
        facts.available = Set.of("89.0.0");
        UpgradePlan plan = planner.plan("89.0.0", "89.0.0", facts.build());
        PlannedStep step = plan.steps().get(0);
        assertThat(check(step, "mongodb").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check(step, "mongodb").reason()).contains("upgrade MongoDB to 4.4 first");
        assertThat(check(step, "feature compatibility").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check(step, "feature compatibility").reason()).contains("cannot take featureCompatibilityVersion 4.4");
        assertThat(plan.blocked()).isTrue();
    }

    @Test
    void crossing_77_0_0_and_89_0_0_at_once_raises_the_feature_compatibility_version_one_release_at_a_time() {
        Facts facts = new Facts("76.0.0", "76.0.0");
        facts.fcv = "4.0";
        UpgradePlan plan = planner.plan("89.0.0", "89.0.2", facts.build());
        PlannedStep step = plan.steps().get(0);
        assertThat(step.featureCompatibilityVersion()).hasToString("4.4");
        assertThat(check(step, "feature compatibility").reason()).contains("4.2, then 4.4");
    }

    @Test
    void a_feature_compatibility_version_forgotten_at_an_earlier_upgrade_is_set_at_the_next() {
        Facts facts = new Facts("89.0.0", "89.0.0");
        facts.fcv = "4.2";
        UpgradePlan plan = planner.plan("90.0.0", "90.0.0", facts.build());
        assertThat(plan.steps().get(0).featureCompatibilityVersion()).hasToString("4.4");
    }

    @Test
    void an_unknown_feature_compatibility_version_is_set_with_a_warning() {
        Facts facts = new Facts("77.0.0", "77.0.0");
        facts.fcv = null;
        UpgradePlan plan = planner.plan("89.0.0", "89.0.2", facts.build());
        assertThat(check(plan.steps().get(0), "feature compatibility").status()).isEqualTo(CheckStatus.WARN);
        assertThat(plan.blocked()).isFalse();
    }

    @Test
    void from_60_to_76_without_the_encryption_secret_is_blocked_naming_the_variable() {
        Facts facts = new Facts("60.0.0", "60.0.0");
        facts.environment = Set.of("TOUCAN_API_URL");
        facts.mongo = "4.0.28";
        facts.fcv = "4.0";
        UpgradePlan plan = planner.plan("76.0.0", "76.0.0", facts.build());
        Check environment = check(plan.steps().get(0), "environment");
        assertThat(environment.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(environment.reason()).contains(SECRET, "76.0.0");
        assertThat(plan.blocked()).isTrue();
    }

    @Test
    void from_60_to_76_with_the_encryption_secret_passes_the_environment_check() {
        Facts facts = new Facts("60.0.0", "60.0.0");
        facts.mongo = "4.0.28";
        facts.fcv = "4.0";
        UpgradePlan plan = planner.plan("76.0.0", "76.0.0", facts.build());
        assertThat(check(plan.steps().get(0), "environment").status()).isEqualTo(CheckStatus.PASS);
        assertThat(plan.blocked()).isFalse();
    }

    @Test
    void mongodb_too_old_for_56_1_0_blocks_the_step_that_needs_it() {
        Facts facts = new Facts("40.2.1", "40.1.0");
        facts.mongo = "3.6.23";
        facts.fcv = "3.6";
        UpgradePlan plan = planner.plan("60.0.0", "60.0.3", facts.build());
        assertThat(check(plan.steps().get(0), "mongodb").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(plan.steps().get(1), "mongodb").reason()).contains("upgrade MongoDB to 4.0 first");
        assertThat(plan.steps().get(1).blocked()).isTrue();
        assertThat(plan.blocked()).isTrue();
    }

    @Test
    void an_unknown_mongodb_version_blocks_a_release_that_needs_a_minimum() {
        Facts facts = new Facts("89.0.0", "89.0.0");
        facts.mongo = null;
        UpgradePlan plan = planner.plan("90.0.0", "90.0.0", facts.build());
        assertThat(check(plan.steps().get(0), "mongodb").reason()).contains("unknown");
        assertThat(plan.blocked()).isTrue();
    }

    @Test
    void too_little_space_for_the_pre_upgrade_backup_blocks_the_plan() {
        Facts facts = new Facts("89.0.0", "89.0.0");
        facts.lastSet = 10 * GIB;
        facts.free = 11 * GIB - 1;
        UpgradePlan plan = planner.plan("90.0.0", "90.0.0", facts.build());
        assertThat(check(plan.steps().get(0), "backup space").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check(plan.steps().get(0), "backup space").reason()).contains("11.0 GiB");
        assertThat(plan.blocked()).isTrue();
    }

    @Test
    void the_last_set_size_plus_ten_percent_is_enough_space() {
        Facts facts = new Facts("89.0.0", "89.0.0");
        facts.lastSet = 10 * GIB;
        facts.free = 11 * GIB;
        assertThat(check(planner.plan("90.0.0", "90.0.0", facts.build()).steps().get(0), "backup space").status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void an_unknown_last_set_size_warns_about_backup_space() {
        Facts facts = new Facts("89.0.0", "89.0.0");
        facts.lastSet = 0;
        UpgradePlan plan = planner.plan("90.0.0", "90.0.0", facts.build());
        assertThat(check(plan.steps().get(0), "backup space").status()).isEqualTo(CheckStatus.WARN);
        assertThat(plan.blocked()).isFalse();
    }

    @Test
    void every_step_of_a_long_upgrade_keeps_backend_and_frontend_majors_equal() {
        Facts facts = new Facts("40.2.1", "40.1.0");
        UpgradePlan plan = planner.plan("90.0.0", "90.0.3", facts.build());
        assertThat(plan.steps()).extracting(s -> s.backend().toString()).containsExactly("44.4.0", "90.0.0");
        assertThat(plan.steps()).allSatisfy(step -> assertThat(check(step, "majors").status()).isEqualTo(CheckStatus.PASS));
        assertThat(Arrays.stream(ids(plan.steps().get(1)))).hasSize(7).last().isEqualTo("bc-90.0.0-x-json-flavor");
    }
}
