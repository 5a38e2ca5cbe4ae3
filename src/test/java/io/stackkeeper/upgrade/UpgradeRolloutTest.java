package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.RunStatus;
import io.stackkeeper.backup.BackupReason;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackBusyException;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/** Approved upgrades run on the sample stack (real engine, MongoDB stand-in): success, rollback, FCV, refusals. */
@PortalTest
class UpgradeRolloutTest {

    private static final String FLAVOR = "bc-90.0.0-x-json-flavor";

    @Autowired
    UpgradeService upgrades;

    @Autowired
    InterruptedRuns interruptedRuns;

    @Autowired
    StackService stack;

    @Autowired
    BackupService backups;

    @Autowired
    AccountService accounts;

    @Autowired
    UpgradeRequestRepository repository;

    @LocalServerPort
    int port;

    @Test
    void an_upgrade_that_was_running_when_the_portal_stopped_is_marked_failed_at_the_next_start() {
        UpgradeRequest request = new UpgradeRequest();
        request.fromBackend = request.fromFrontend = "89.0.0";
        request.toBackend = request.toFrontend = "90.0.0";
        request.reason = "interrupted";
        request.status = RequestStatus.RUNNING;
        request.planFingerprint = "x";
        request.requestedBy = request.startedBy = "ops";
        request.requestedAt = request.startedAt = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
        request.backupId = "nightly-20261125T000000Z";
        request.steps.addAll(List.of(new RolloutStep(UpgradeRollout.PREPARE, RolloutStep.State.DONE, request.startedAt, request.startedAt, "ok"),
                RolloutStep.pending("Backend to 90.0.0").running(request.startedAt, "Running…"), RolloutStep.pending(UpgradeRollout.RECORD)));
        long id = repository.save(request).id;

        interruptedRuns.recover();

        UpgradeRequestRecord after = asAdmin(() -> upgrades.request(id)).orElseThrow();
        assertThat(after.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(after.failedStep()).isEqualTo("Backend to 90.0.0");
        assertThat(after.outcome()).contains("Interrupted", "nightly-20261125T000000Z");
        assertThat(after.steps()).extracting(RolloutStep::state).containsExactly(RolloutStep.State.DONE, RolloutStep.State.FAILED, RolloutStep.State.SKIPPED);
        assertThat(after.finishedAt()).isNotNull();
    }

    @Test
    void an_upgrade_from_89_to_90_takes_a_linked_backup_recreates_both_containers_with_their_configuration_and_may_be_rolled_back() throws Exception {
        try (SampleStack sample = configured(new SampleStack("89.0.0", "89.0.0"))) {
            ContainerFacts backendBefore = asAdmin(() -> stack.container(StackPart.BACKEND));
            ContainerFacts frontendBefore = asAdmin(() -> stack.container(StackPart.FRONTEND));

            UpgradeRequestRecord running = approvedAndStarted("90.0.0", List.of(FLAVOR));
            assertThat(running.status()).isEqualTo(RequestStatus.RUNNING);
            assertThat(running.steps()).extracting(RolloutStep::title).containsExactly(UpgradeRollout.PREPARE, UpgradeRollout.BACKUP,
                    "Backend to 90.0.0 (migrations run at boot), check / and /status", "Frontend to 90.0.0, check / and /tucana-version.txt",
                    UpgradeRollout.RECORD);
            assertThatThrownBy(() -> asOperator(() -> stack.claim("a backup", false))).isInstanceOf(StackBusyException.class)
                    .hasMessageContaining("the upgrade to 90.0.0 / 90.0.0");

            UpgradeRequestRecord done = awaitEnd(running.id());

            assertThat(done.status()).as(done.outcome()).isEqualTo(RequestStatus.SUCCEEDED);
            assertThat(done.steps()).allSatisfy(step -> {
                assertThat(step.state()).isEqualTo(RolloutStep.State.DONE);
                assertThat(step.took()).isNotNull();
            });
            BackupRunRecord backup = asAdmin(() -> backups.run(done.backupId())).orElseThrow();
            assertThat(backup.trigger()).isEqualTo(BackupReason.PRE_UPGRADE);
            assertThat(backup.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(backup.linkedTo()).isEqualTo("upgrade " + done.id());
            assertThat(backup.actor()).isEqualTo("ops");

            ContainerFacts backendAfter = asAdmin(() -> stack.container(StackPart.BACKEND));
            ContainerFacts frontendAfter = asAdmin(() -> stack.container(StackPart.FRONTEND));
            assertThat(backendAfter.version()).isEqualTo("90.0.0");
            assertThat(frontendAfter.version()).isEqualTo("90.0.0");
            assertThat(backendAfter.id()).isNotEqualTo(backendBefore.id());
            assertSameConfiguration(backendBefore, backendAfter);
            assertSameConfiguration(frontendBefore, frontendAfter);
            assertThat(backendAfter.labels()).containsEntry("com.example.team", "analytics");
            assertThat(backendAfter.environmentNames()).contains("TOUCAN_DB_ENCRYPTION_SECRET", "TOUCAN_STATUS_USER_AGENT");
            assertThat(backendAfter.restartPolicy()).isEqualTo("unless-stopped");
            assertThat(asAdmin(() -> upgrades.lastUpgrade())).hasValueSatisfying(last -> assertThat(last.id()).isEqualTo(done.id()));

            assertThat(asAdmin(() -> upgrades.plan("77.0.0", "77.0.0")).blocked()).as("a downgrade that is not the rollback").isTrue();
            UpgradePlan back = asAdmin(() -> upgrades.plan("89.0.0", "89.0.0"));
            assertThat(back.blocked()).isFalse();
            assertThat(back.steps()).flatExtracting(PlannedStep::checks).anySatisfy(check -> {
                assertThat(check.name()).isEqualTo(Preconditions.DOWNGRADE);
                assertThat(check.status()).isEqualTo(CheckStatus.WARN);
            });
            UpgradeRequestRecord rolledBack = awaitEnd(approvedAndStarted("89.0.0", List.of()).id());
            assertThat(rolledBack.status()).as(rolledBack.outcome()).isEqualTo(RequestStatus.SUCCEEDED);
            assertThat(asAdmin(() -> stack.container(StackPart.BACKEND)).imageId()).isEqualTo(backendBefore.imageId());
        }
    }

    @Test
    void an_upgrade_to_90_0_1_fails_its_status_check_and_both_containers_go_back_to_their_exact_previous_images() throws Exception {
        try (SampleStack sample = configured(new SampleStack("90.0.0", "90.0.0"))) {
            ContainerFacts backendBefore = asAdmin(() -> stack.container(StackPart.BACKEND));
            ContainerFacts frontendBefore = asAdmin(() -> stack.container(StackPart.FRONTEND));

            UpgradeRequestRecord done = awaitEnd(approvedAndStarted("90.0.1", List.of()).id());

            assertThat(done.status()).as(done.outcome()).isEqualTo(RequestStatus.FAILED_ROLLED_BACK);
            assertThat(done.failedStep()).startsWith("Backend to 90.0.1");
            assertThat(done.outcome()).contains("/status answered 503", "back on their previous images", "restore the pre-upgrade backup "
                    + done.backupId());
            assertThat(done.failureLog()).isNotEmpty().hasSizeLessThanOrEqualTo(200).anySatisfy(line -> assertThat(line).contains("90.0.1"));
            assertThat(TestUsers.as("manager", List.of(Role.VIEWER), () -> upgrades.request(done.id())).orElseThrow().failureLog())
                    .as("logs may hold secrets: managers do not read them").isEmpty();
            assertThat(done.steps()).extracting(RolloutStep::state).containsExactly(RolloutStep.State.DONE, RolloutStep.State.DONE,
                    RolloutStep.State.FAILED, RolloutStep.State.SKIPPED, RolloutStep.State.SKIPPED, RolloutStep.State.DONE);
            assertThat(done.steps().get(5).title()).isEqualTo(UpgradeRollout.ROLLBACK);

            ContainerFacts backendAfter = asAdmin(() -> stack.container(StackPart.BACKEND));
            assertThat(backendAfter.imageId()).isEqualTo(backendBefore.imageId());
            assertThat(backendAfter.version()).isEqualTo("90.0.0");
            assertThat(backendAfter.running()).isTrue();
            assertThat(asAdmin(() -> stack.container(StackPart.FRONTEND)).imageId()).isEqualTo(frontendBefore.imageId());
            assertSameConfiguration(backendBefore, backendAfter);
        }
    }

    @Test
    void an_image_that_cannot_be_pulled_stops_the_upgrade_at_its_first_step_with_nothing_changed() throws Exception {
        try (SampleStack sample = configured(new SampleStack("90.0.0", "90.0.0"))) {
            sample.tagOnEngineOnly("90.0.0", "91.0.0");
            try {
                ContainerFacts backendBefore = asAdmin(() -> stack.container(StackPart.BACKEND));
                UpgradeRequestRecord requested = asOperator(() -> upgrades.requestUpgrade("91.0.0", "91.0.0", "test", null, null, List.of()));
                TestUsers.as("approver", List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "go"));
                sample.untagOnEngine("91.0.0", false, true);

                UpgradeRequestRecord done = awaitEnd(asOperator(() -> upgrades.start(requested.id())).id());

                assertThat(done.status()).as(done.outcome()).isEqualTo(RequestStatus.FAILED);
                assertThat(done.failedStep()).isEqualTo(UpgradeRollout.PREPARE);
                assertThat(done.outcome()).contains("sample-frontend:91.0.0", "cannot be pulled", "Nothing was changed");
                assertThat(done.backupId()).isNull();
                assertThat(done.steps()).extracting(RolloutStep::state).containsExactly(RolloutStep.State.FAILED, RolloutStep.State.SKIPPED,
                        RolloutStep.State.SKIPPED, RolloutStep.State.SKIPPED, RolloutStep.State.SKIPPED);
                assertThat(asAdmin(() -> stack.container(StackPart.BACKEND)).id()).isEqualTo(backendBefore.id());
            } finally {
                sample.untagOnEngine("91.0.0", true, true);
            }
        }
    }

    @Test
    void containers_are_replaced_and_the_fcv_set_only_under_an_exclusive_claim_of_the_stack() {
        String image = "127.0.0.1:5151/stackkeeper/sample-backend:90.0.0";
        assertThatThrownBy(() -> asAdmin(() -> {
            try (var shared = stack.claim("a restore drill", false)) {
                return stack.replaceImage(shared, StackPart.BACKEND, image, null, java.time.Duration.ofSeconds(2));
            }
        })).isInstanceOf(StackBusyException.class).hasMessageContaining("needs the stack alone");
        var released = asAdmin(() -> stack.claim("an upgrade", true));
        released.close();
        assertThatThrownBy(() -> asAdmin(() -> stack.replaceImage(released, StackPart.BACKEND, image, null, java.time.Duration.ofSeconds(2))))
                .isInstanceOf(StackBusyException.class);
        assertThatThrownBy(() -> asAdmin(() -> {
            stack.setFeatureCompatibilityVersion(null, "4.4");
            return null;
        })).isInstanceOf(StackBusyException.class);
    }

    @Test
    void a_step_that_needs_it_raises_mongodbs_feature_compatibility_version_before_the_backend_starts() throws Exception {
        try (SampleStack sample = configured(new SampleStack("77.0.0", "77.0.0", "4.2", true))) {
            UpgradePlan plan = asAdmin(() -> upgrades.plan("89.0.0", "89.0.0"));
            List<String> crossed = plan.breakingChanges().stream().map(BreakingChange::id).toList();

            UpgradeRequestRecord done = awaitEnd(approvedAndStarted("89.0.0", crossed).id());

            assertThat(done.status()).as(done.outcome()).isEqualTo(RequestStatus.SUCCEEDED);
            assertThat(done.steps()).extracting(RolloutStep::title).contains("Set MongoDB's featureCompatibilityVersion to 4.4");
            assertThat(sample.mongo.featureCompatibilityVersion()).isEqualTo("4.4");
            assertThat(asAdmin(() -> stack.container(StackPart.BACKEND)).version()).isEqualTo("89.0.0");
        }
    }

    @Test
    void an_upgrade_to_76_without_the_encryption_secret_is_blocked_by_its_precondition() throws Exception {
        try (SampleStack sample = configured(new SampleStack("60.0.0", "60.0.0", "4.4", false))) {
            UpgradePlan plan = asAdmin(() -> upgrades.plan("76.0.0", "76.0.0"));

            assertThat(plan.blocked()).isTrue();
            assertThat(plan.steps()).flatExtracting(PlannedStep::checks).anySatisfy(check -> {
                assertThat(check.name()).isEqualTo(Preconditions.ENVIRONMENT);
                assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
                assertThat(check.reason()).contains("TOUCAN_DB_ENCRYPTION_SECRET");
            });
            List<String> crossed = plan.breakingChanges().stream().map(BreakingChange::id).toList();
            assertThatThrownBy(() -> asOperator(() -> upgrades.requestUpgrade("76.0.0", "76.0.0", "keep current", null, null, crossed)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("TOUCAN_DB_ENCRYPTION_SECRET");
        }
    }

    @Test
    void only_an_approved_request_starts_and_only_for_an_operator_or_admin_also_through_the_api() throws Exception {
        try (SampleStack sample = configured(new SampleStack("89.0.0", "89.0.0"))) {
            UpgradeRequestRecord requested = asOperator(() -> upgrades.requestUpgrade("90.0.0", "90.0.0", "header", null, null, List.of(FLAVOR)));

            assertThatThrownBy(() -> asOperator(() -> upgrades.start(requested.id()))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only an approved request can start");
            TestUsers.as("approver", List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "ok"));
            assertThatThrownBy(() -> TestUsers.as("manager", List.of(Role.VIEWER), () -> upgrades.start(requested.id())))
                    .isInstanceOf(AccessDeniedException.class);

            ApiClient api = new ApiClient(port);
            String viewer = TestUsers.create(accounts, "watcher", Role.VIEWER);
            String operator = TestUsers.create(accounts, "starter", Role.OPERATOR);
            assertThat(api.send("POST", "/api/v1/upgrades/" + requested.id() + "/start",
                    ApiClient.bearer(api.tokenFor(viewer, TestUsers.PASSWORD)), null).status()).isEqualTo(403);
            UpgradeRequestRecord other = asOperator(() -> upgrades.requestUpgrade("90.0.0", "90.0.0", "second", null, null, List.of(FLAVOR)));
            String operatorToken = api.tokenFor(operator, TestUsers.PASSWORD);
            ApiClient.Response unapproved = api.send("POST", "/api/v1/upgrades/" + other.id() + "/start", ApiClient.bearer(operatorToken), null);
            assertThat(unapproved.status()).isEqualTo(409);
            assertThat(unapproved.body().get("detail").asText()).contains("only an approved request can start");

            ApiClient.Response started = api.send("POST", "/api/v1/upgrades/" + requested.id() + "/start", ApiClient.bearer(operatorToken), null);
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.body().get("status").asText()).isEqualTo("RUNNING");
            UpgradeRequestRecord done = awaitEnd(requested.id());
            assertThat(done.status()).as(done.outcome()).isEqualTo(RequestStatus.SUCCEEDED);
            assertThat(done.startedBy()).isEqualTo(operator);

            ApiClient.Response again = api.send("POST", "/api/v1/upgrades/" + requested.id() + "/start", ApiClient.bearer(operatorToken), null);
            assertThat(again.status()).isEqualTo(409);
            ApiClient.Response csv = api.send("GET", "/api/v1/upgrades/history.csv?status=SUCCEEDED", ApiClient.bearer(operatorToken), null);
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body().asText()).startsWith("id,requested_at,requested_by").contains(requested.id() + ",");
        }
    }

    private SampleStack configured(SampleStack sample) {
        asAdmin(() -> stack.saveSettings(sample.settings()));
        return sample;
    }

    private UpgradeRequestRecord approvedAndStarted(String version, List<String> acknowledged) {
        UpgradeRequestRecord requested = asOperator(() -> upgrades.requestUpgrade(version, version, "test upgrade", null, null, acknowledged));
        TestUsers.as("approver", List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "go"));
        return asOperator(() -> upgrades.start(requested.id()));
    }

    private UpgradeRequestRecord awaitEnd(long id) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            UpgradeRequestRecord now = asAdmin(() -> upgrades.request(id)).orElseThrow();
            if (now.ended()) {
                return now;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Upgrade " + id + " did not end within 2 minutes: " + asAdmin(() -> upgrades.request(id)));
    }

    /** Everything the upgrade must keep: name, mounts, ports, labels (but the image's own), env names, networks, restart. */
    private static void assertSameConfiguration(ContainerFacts before, ContainerFacts after) {
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.mounts()).containsExactlyInAnyOrderElementsOf(before.mounts());
        assertThat(after.ports()).containsExactlyInAnyOrderElementsOf(before.ports());
        assertThat(withoutVersion(after.labels())).isEqualTo(withoutVersion(before.labels()));
        assertThat(after.environmentNames()).containsExactlyInAnyOrderElementsOf(before.environmentNames());
        assertThat(after.networks()).containsExactlyInAnyOrderElementsOf(before.networks());
        assertThat(after.restartPolicy()).isEqualTo(before.restartPolicy());
    }

    private static Map<String, String> withoutVersion(Map<String, String> labels) {
        Map<String, String> copy = new HashMap<>(labels);
        copy.remove("version");
        return copy;
    }

    private static <T> T asOperator(Callable<T> work) {
        return TestUsers.as("ops", List.of(Role.OPERATOR), work);
    }

    private static <T> T asAdmin(Callable<T> work) {
        return TestUsers.asAdmin(work);
    }
}
