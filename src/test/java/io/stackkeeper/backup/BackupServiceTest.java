package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Indexes;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.audit.AuditLog;
import io.stackkeeper.audit.AuditQuery;
import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Backups of the sample stack through the service: real engine, MongoDB stand-in, storage folder and file system. */
@PortalTest
class BackupServiceTest {

    @RegisterExtension
    static final SampleStack sample = SampleStack.forTheClass("89.0.0", "89.0.0");
    private static MongoClient mongo;

    @Autowired
    BackupService backups;

    @Autowired
    StackService stack;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog auditLog;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    BackupSchedules schedules;

    @Autowired
    BackupJob job;

    @TempDir
    Path target;

    private String operator;

    @BeforeAll
    static void seedTheSampleStack() throws Exception {
        mongo = MongoClients.create(sample.mongoUri(SampleStack.MONGO_PASSWORD));
        List<Document> dashboards = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            dashboards.add(new Document("_id", i).append("name", "Dashboard " + i).append("tiles", List.of(i, i * 2)));
        }
        mongo.getDatabase("toucan").getCollection("dashboards").insertMany(dashboards);
        mongo.getDatabase("toucan").getCollection("dashboards").createIndex(Indexes.ascending("name"));
        mongo.getDatabase("toucan").getCollection("users").insertOne(new Document("_id", "ada").append("admin", true));
        mongo.getDatabase("toucan_small_apps").getCollection("datasets").insertOne(new Document("_id", 1).append("name", "sales"));
        FolderTree.fill(sample.storage);
    }

    @AfterAll
    static void closeTheClient() {
        mongo.close();
    }

    @BeforeEach
    void configureTheSampleStack() {
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
        operator = TestUsers.create(accounts, "ops", Role.OPERATOR);
    }

    private SavedBackupPlan plan(String name, Contents contents, RetentionPolicy retention) {
        return TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null,
                new BackupPlanSettings(name, "0 0 3 * * ?", target.toString(), contents, false, 3, retention, null, true)));
    }

    private BackupRunRecord backUp(String plan) {
        return TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.backUpAndWait(plan, BackupReason.MANUAL));
    }

    @Test
    void a_backup_writes_a_complete_set_that_restores_every_document_and_file_identically() throws Exception {
        String name = TestUsers.unique("full").toLowerCase();
        plan(name, Contents.BOTH, new RetentionPolicy(3, 0, 0, 0, 0, 0));
        List<BackupProgress> progress = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = TestUsers.asAdmin(() -> backups.subscribe(progress::add));
        BackupRunRecord run;
        try {
            run = backUp(name);
        } finally {
            unsubscribe.run();
        }

        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.actor()).isEqualTo(operator);
        assertThat(run.documents()).isEqualTo(3002);
        Path set = Path.of(run.location());
        assertThat(set).isEqualTo(target.resolve(run.id()));
        assertThat(set.resolve("manifest.json")).isRegularFile();
        assertThat(set.resolve("mongo/toucan/dashboards.bson.gz")).isRegularFile();
        assertThat(set.resolve("mongo/toucan/dashboards.metadata.json.gz")).isRegularFile();
        assertThat(set.resolve("storage.tar.zst")).isRegularFile();
        assertThat(target).isDirectoryNotContaining("glob:**/.partial-*");
        assertThat(progress).anyMatch(p -> p.runId().equals(run.id()) && !p.finished());
        assertThat(progress).anyMatch(p -> p.runId().equals(run.id()) && p.finished() && p.error() == null && p.documentsDone() == 3002
                && p.bytesDone() > 300_000);

        Manifest manifest = TestUsers.asAdmin(() -> backups.manifest(run.id())).orElseThrow();
        assertThat(manifest.trigger()).isEqualTo("manual");
        assertThat(manifest.stack().backendVersion()).isEqualTo("89.0.0");
        assertThat(manifest.stack().frontendVersion()).isEqualTo("89.0.0");
        assertThat(manifest.stack().backendImageId()).isNotBlank();
        assertThat(manifest.stack().mongoVersion()).isEqualTo("4.4.29");
        assertThat(manifest.stack().featureCompatibilityVersion()).isEqualTo("4.4");
        assertThat(manifest.collections()).extracting(c -> c.database() + "." + c.collection() + "=" + c.documents())
                .contains("toucan.dashboards=3000", "toucan.users=1", "toucan_small_apps.datasets=1");

        Path restored = target.resolve("restored-storage");
        try (InputStream in = Files.newInputStream(set.resolve("storage.tar.zst"))) {
            new StorageArchiver(1).extract(in, restored);
        }
        assertThat(FolderTree.of(restored)).isEqualTo(FolderTree.of(sample.storage));

        BackupRunRecord verified = TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.verify(run.id()));
        assertThat(verified.verified()).isTrue();
        BackupRunRecord drilled = TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.drill(run.id()));
        assertThat(drilled.drillOk()).as(drilled.drillReport()).isTrue();
        assertThat(drilled.drillReport()).contains("toucan.dashboards: 3000/3000 documents, digest matches");
        assertThat(mongo.listDatabaseNames().into(new ArrayList<>())).noneMatch(db -> db.startsWith(RestoreDrill.PREFIX));
        assertThat(TestUsers.asAdmin(() -> backups.lastVerifiedRestorable())).get().extracting(BackupRunRecord::id).isEqualTo(run.id());

        List<String> actions = TestUsers.asAdmin(() -> auditLog.search(new AuditQuery(null, "backup.", null, null, null), 0, 50))
                .items().stream().filter(e -> run.id().equals(e.target())).map(e -> e.action()).toList();
        assertThat(actions).contains("backup.succeeded", "backup.verified", "backup.drill");
    }

    @Test
    void a_corrupted_file_is_named_by_verify_and_audited_as_a_failed_verify() throws Exception {
        String name = TestUsers.unique("corrupt").toLowerCase();
        plan(name, Contents.MONGO, new RetentionPolicy(3, 0, 0, 0, 0, 0));
        BackupRunRecord run = backUp(name);
        Path dump = Path.of(run.location()).resolve("mongo/toucan/users.bson.gz");
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(dump, bytes);

        BackupRunRecord verified = TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.verify(run.id()));

        assertThat(verified.verified()).isFalse();
        assertThat(verified.verifyProblems()).containsExactly("mongo/toucan/users.bson.gz: checksum differs from the manifest");
        assertThat(TestUsers.asAdmin(() -> auditLog.search(new AuditQuery(null, "backup.verify-failed", null, null, null), 0, 10))
                .items()).anyMatch(e -> run.id().equals(e.target()));
    }

    @Test
    void retention_removes_old_sets_but_never_the_newest_or_a_pinned_one() throws Exception {
        String name = TestUsers.unique("keep").toLowerCase();
        plan(name, Contents.MONGO, new RetentionPolicy(1, 0, 0, 0, 0, 0));
        BackupRunRecord first = backUp(name);
        TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.pin(first.id(), true));
        Thread.sleep(1100);
        BackupRunRecord second = backUp(name);
        Thread.sleep(1100);
        BackupRunRecord third = backUp(name);

        assertThat(TestUsers.asAdmin(() -> backups.run(second.id())).orElseThrow().removedAt()).isNotNull();
        assertThat(Path.of(second.location())).doesNotExist();
        assertThat(Path.of(first.location())).isDirectory();
        assertThat(Path.of(third.location())).isDirectory();
        RetentionDecision preview = TestUsers.asAdmin(() -> backups.previewRetention(name, new RetentionPolicy(1, 0, 0, 0, 0, 0)));
        assertThat(preview.remove()).isEmpty();
        assertThat(preview.keep()).extracting(RetentionDecision.Kept::reasons).containsExactly(List.of("last", "newest"), List.of("pinned"));
    }

    @Test
    void a_failed_run_is_recorded_with_its_reason_leaves_no_files_and_the_only_good_set_stays() throws Exception {
        String name = TestUsers.unique("only").toLowerCase();
        plan(name, Contents.STORAGE, new RetentionPolicy(1, 0, 0, 0, 0, 0));
        BackupRunRecord good = backUp(name);
        Path away = sample.storage.resolveSibling(sample.storage.getFileName() + "-away");
        Files.move(sample.storage, away);
        BackupRunRecord failed;
        try {
            failed = backUp(name);
        } finally {
            Files.move(away, sample.storage);
        }

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains(sample.storage.toString());
        assertThat(failed.location()).isNull();
        assertThat(target).isDirectoryNotContaining("glob:**/.partial-*");
        assertThat(Path.of(good.location())).isDirectory();
        assertThat(TestUsers.asAdmin(() -> backups.newestSet(name))).get().extracting(BackupRunRecord::id).isEqualTo(good.id());
        assertThat(TestUsers.asAdmin(() -> auditLog.search(new AuditQuery(null, "backup.failed", null, null, null), 0, 10))
                .items()).anyMatch(e -> failed.id().equals(e.target()));
    }

    @Test
    void a_set_is_imported_from_its_folder_by_its_manifest_alone_and_can_be_drilled() throws Exception {
        String name = TestUsers.unique("import").toLowerCase();
        plan(name, Contents.MONGO, new RetentionPolicy(3, 0, 0, 0, 0, 0));
        BackupRunRecord run = backUp(name);
        jdbc.update("DELETE FROM backup_run WHERE id = ?", run.id());

        BackupRunRecord imported = TestUsers.asAdmin(() -> backups.importSet(run.location()));

        assertThat(imported.id()).isEqualTo(run.id());
        assertThat(imported.trigger()).isEqualTo(BackupReason.IMPORT);
        assertThat(imported.documents()).isEqualTo(run.documents());
        assertThat(TestUsers.asAdmin(() -> backups.drill(run.id())).drillOk()).isTrue();
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> backups.importSet(run.location()))).hasMessageContaining("already in the history");
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> backups.importSet(target.toString()))).hasMessageContaining("no manifest.json");
    }

    @Test
    void a_target_that_became_unusable_fails_the_run_with_a_clear_message_and_writes_nothing() throws Exception {
        String name = TestUsers.unique("blocked").toLowerCase();
        Path sets = Files.createDirectories(target.resolve("sets"));
        TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null, new BackupPlanSettings(name, "0 0 3 * * ?",
                sets.toString(), Contents.MONGO, false, 1, new RetentionPolicy(3, 0, 0, 0, 0, 0), null, true)));
        Files.delete(sets);
        Files.writeString(sets, "a file where the backups folder was");

        BackupRunRecord failed = backUp(name);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("The backup target " + sets + " cannot be used");
        assertThat(sets).hasContent("a file where the backups folder was");
    }

    @Test
    void a_plan_is_scheduled_in_quartz_to_fire_once_after_a_missed_run_and_its_jobs_back_up_and_verify_as_the_portal() {
        String name = TestUsers.unique("sched").toLowerCase();
        plan(name, Contents.MONGO, new RetentionPolicy(3, 0, 0, 0, 0, 0));

        org.quartz.CronTrigger trigger = schedules.backupTrigger(name);
        assertThat(trigger.getCronExpression()).isEqualTo("0 0 3 * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("UTC");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(org.quartz.CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(BackupQuartzJob.class).hasAnnotation(org.quartz.DisallowConcurrentExecution.class);

        job.backUp(name);

        BackupRunRecord run = TestUsers.asAdmin(() -> backups.newestSet(name)).orElseThrow();
        assertThat(run.trigger()).isEqualTo(BackupReason.SCHEDULE);
        assertThat(run.actor()).isEqualTo("system");
        job.verifyNewest(name);
        assertThat(TestUsers.asAdmin(() -> backups.run(run.id())).orElseThrow().verified()).isTrue();

        TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(TestUsers.asAdmin(() -> backups.plan(name)).orElseThrow().id(),
                new BackupPlanSettings(name, "0 0 3 * * ?", target.toString(), Contents.MONGO, false, 3, new RetentionPolicy(3, 0, 0, 0, 0, 0),
                        null, false)));
        assertThat(schedules.backupTrigger(name)).isNull();
    }

    @Test
    void plans_are_validated_field_by_field() {
        BackupPlanSettings bad = new BackupPlanSettings("Nightly Full", "0 0 25 * * ?", "backups", Contents.BOTH, false, 12,
                RetentionPolicy.standard(), null, true);
        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null, bad)))
                .isInstanceOfSatisfying(FieldsRefusedException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("name", "cron", "target", "compressionLevel")
                        .containsEntry("target", "Use an absolute path, such as /var/backups/stack."));
        BackupPlanSettings insideStorage = new BackupPlanSettings("inside", "0 0 2 * * ?", sample.storage.resolve("backups").toString(),
                Contents.BOTH, false, 3, RetentionPolicy.standard(), null, true);
        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null, insideStorage)))
                .isInstanceOfSatisfying(FieldsRefusedException.class, e -> assertThat(e.fieldErrors().get("target"))
                        .contains("inside the storage folder"));
    }

    @Test
    void a_viewer_reads_plans_and_history_but_cannot_run_edit_verify_or_restore() {
        String name = TestUsers.unique("viewer").toLowerCase();
        plan(name, Contents.MONGO, new RetentionPolicy(3, 0, 0, 0, 0, 0));
        List<Role> viewer = List.of(Role.VIEWER);
        assertThat(TestUsers.as("manager", viewer, () -> backups.plans())).extracting(SavedBackupPlan::name).contains(name);
        assertThat(TestUsers.as("manager", viewer, () -> backups.countRuns(RunQuery.ALL))).isNotNegative();
        assertThatThrownBy(() -> TestUsers.as("manager", viewer, () -> backups.backUp(name, BackupReason.MANUAL)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as("manager", viewer, () -> backups.savePlan(null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as("manager", viewer, () -> backups.verify("x"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.restore("x", "y", step -> { })))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_history_filters_by_plan_and_status_and_exports_csv() throws Exception {
        String name = TestUsers.unique("csv").toLowerCase();
        plan(name, Contents.MONGO, new RetentionPolicy(3, 0, 0, 0, 0, 0));
        BackupRunRecord run = backUp(name);
        RunQuery query = new RunQuery(name, RunStatus.SUCCEEDED, BackupReason.MANUAL, Instant.now().minusSeconds(600), null);
        assertThat(TestUsers.asAdmin(() -> backups.runs(query, 0, 10))).extracting(BackupRunRecord::id).containsExactly(run.id());
        assertThat(TestUsers.asAdmin(() -> backups.countRuns(new RunQuery(name, RunStatus.FAILED, null, null, null)))).isZero();
        StringWriter csv = new StringWriter();
        TestUsers.asAdmin(() -> {
            backups.exportCsv(query, csv);
            return null;
        });
        assertThat(csv.toString()).startsWith("id,plan,status,").contains(run.id() + "," + name + ",SUCCEEDED,manual," + operator);
    }

    @Test
    void a_restore_brings_back_mongodb_and_the_storage_folder_and_keeps_the_previous_folder() throws Exception {
        String name = TestUsers.unique("restore").toLowerCase();
        plan(name, Contents.BOTH, new RetentionPolicy(5, 0, 0, 0, 0, 0));
        BackupRunRecord run = backUp(name);
        Map<String, String> before = FolderTree.ofFilled(sample.storage);
        mongo.getDatabase("toucan").getCollection("users").insertOne(new Document("_id", "mallory"));
        Files.writeString(sample.storage.resolve("added-after-backup.txt"), "later");
        List<RestoreStep> steps = new CopyOnWriteArrayList<>();
        String stackName = TestUsers.asAdmin(() -> stack.stackName()).orElseThrow();

        assertThatThrownBy(() -> TestUsers.asAdmin(() -> backups.restore(run.id(), "wrong-name", steps::add)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(stackName);
        RestoreOutcome outcome = TestUsers.asAdmin(() -> backups.restore(run.id(), stackName, steps::add));

        assertThat(outcome.ok()).as(outcome.message()).isTrue();
        assertThat(steps).filteredOn(s -> s.state() == RestoreStep.State.DONE).extracting(RestoreStep::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(mongo.getDatabase("toucan").getCollection("users").countDocuments()).isEqualTo(1);
        assertThat(FolderTree.ofFilled(sample.storage)).isEqualTo(before);
        assertThat(sample.storage.resolve("added-after-backup.txt")).doesNotExist();
        assertThat(Path.of(outcome.keptStorageFolder()).resolve("added-after-backup.txt")).hasContent("later");
        assertThat(TestUsers.asAdmin(() -> backups.run(outcome.safetySetId())).orElseThrow().trigger()).isEqualTo(BackupReason.PRE_RESTORE);
        assertThat(TestUsers.asAdmin(() -> stack.backend().join().facts()).running()).isTrue();
    }
}
