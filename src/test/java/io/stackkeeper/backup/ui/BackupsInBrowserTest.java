package io.stackkeeper.backup.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.stackkeeper.BrowserTest;
import io.stackkeeper.backup.BackupPlanSettings;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.RunQuery;
import io.stackkeeper.backup.Contents;
import io.stackkeeper.backup.RetentionPolicy;
import io.stackkeeper.backup.BackupReason;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A person's path through the Backups page: create and run a plan, read history as a manager, restore as an admin. */
class BackupsInBrowserTest extends BrowserTest {

    @RegisterExtension
    static final SampleStack sample = SampleStack.forTheClass("89.0.0", "89.0.0");

    @Autowired
    StackService stack;

    @Autowired
    BackupService backups;

    @BeforeAll
    static void seedTheSampleStack() throws Exception {
        try (MongoClient mongo = MongoClients.create(sample.mongoUri(SampleStack.MONGO_PASSWORD))) {
            List<Document> events = new ArrayList<>();
            for (int i = 0; i < 150_000; i++) {
                events.add(new Document("_id", i).append("kind", "view").append("dashboard", "Dashboard " + i % 40)
                        .append("payload", "p".repeat(120)));
            }
            mongo.getDatabase("toucan").getCollection("events").insertMany(events);
        }
        Files.writeString(sample.storage.resolve("notes.txt"), "kept in storage\n");
    }

    @BeforeEach
    void configure() {
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The plans grid renders its buttons again after a save; on a busy machine a click can land on the button being
     * replaced and reach nobody. The click counts once the portal has a run of the plan.
     */
    private void clickUntilARunStarts(String plan) throws InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            page.locator("#run-" + plan).click();
            for (int wait = 0; wait < 50; wait++) {
                if (!TestUsers.asAdmin(() -> backups.runs(new RunQuery(plan, null, null, null, null), 0, 1)).isEmpty()) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("Three clicks on 'Back up now' of " + plan + " started no run.");
    }

    /** What the portal's work threads do now (a run that never reports shows where it waits). */
    private static String workThreads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("backup-work") || thread.getName().startsWith("page-update") || thread.getName().contains("http-nio")
                    && java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("io.stackkeeper"))) {
                dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                java.util.Arrays.stream(stack).limit(40).forEach(f -> dump.append("    at ").append(f).append('\n'));
            }
        });
        return dump.toString();
    }

    private Locator dialogButton(String name) {
        return page.locator("vaadin-dialog-overlay").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void an_operator_creates_a_plan_runs_it_sees_the_progress_bar_move_and_the_run_in_history() throws Exception {
        Path target = Files.createTempDirectory("browser-backups");
        String operator = TestUsers.create(accounts, "ops", Role.OPERATOR);
        String plan = TestUsers.unique("web").toLowerCase();
        signInAndWait(operator, TestUsers.PASSWORD);
        open("backups");
        page.locator("#new-plan").click();
        page.locator("#plan-name input").fill(plan);
        page.locator("#plan-cron input").fill("0 30 3 ? * MON");
        page.locator("#plan-cron input").press("Tab");
        assertThat(page.locator("#plan-schedule-words")).containsText("every Monday at 03:30 UTC");
        page.locator("#plan-target input").fill(target.toString());
        screenshot("20-backups-plan-dialog");
        dialogButton("Save").click();
        assertThat(page.locator("#plans")).containsText(plan);

        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
        page.waitForFunction("() => !document.querySelector('vaadin-connection-indicator[loading]')");
        clickUntilARunStarts(plan);
        // the history holds other plans' succeeded runs too: this run is done when its progress says so
        try {
            assertThat(page.locator("#backup-progress")).containsText("finished", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nrunning: " + TestUsers.asAdmin(() -> backups.running()) + "\nruns of the plan: "
                    + TestUsers.asAdmin(() -> backups.runs(new RunQuery(plan, null, null, null, null), 0, 5)) + "\n" + workThreads(), e);
        }
        assertThat(page.locator("#history")).containsText("succeeded");
        assertThat(page.locator("#backup-progress vaadin-progress-bar")).isVisible();
        screenshot("21-backups-progress");
        page.locator("#history vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(plan)).first().click();
        assertThat(page.locator("#manifest-collections")).containsText("events");
        screenshot("22-backups-history");
    }

    @Test
    void a_viewer_sees_plans_and_history_but_no_buttons() {
        String viewer = TestUsers.create(accounts, "manager", Role.VIEWER);
        signInAndWait(viewer, TestUsers.PASSWORD);
        open("backups");
        assertThat(page.locator("#plans")).containsText("nightly");
        assertThat(page.locator("#history")).isVisible();
        assertThat(page.locator("#new-plan")).hasCount(0);
        assertThat(page.locator("[id^=run-]")).hasCount(0);
        // the trend charts are real SVG (an SVG namespace), not unknown HTML elements showing their labels as text
        Assertions.assertThat(page.locator("svg.sk-chart").first().evaluate("e => e.namespaceURI")).isEqualTo("http://www.w3.org/2000/svg");
        screenshot("23-backups-viewer");
        com.microsoft.playwright.Download csv = page.waitForDownload(() -> page.locator("#export-backups-csv").click());
        Assertions.assertThat(csv.suggestedFilename()).startsWith("stackkeeper-backups-").endsWith(".csv");
        Assertions.assertThat(readString(csv.path())).startsWith("id,plan,status,trigger,actor,");
        open("");
        assertThat(page.locator("#backup-status #last-backup")).containsText("backup");
        assertThat(page.locator("#backup-status #last-restorable")).isVisible();
        screenshot("25-dashboard-backups");
    }

    @Test
    void an_admin_restores_a_set_after_typing_the_stack_name() throws Exception {
        Path target = Files.createTempDirectory("browser-restore");
        String admin = TestUsers.create(accounts, "root", Role.ADMIN);
        String plan = TestUsers.unique("rs").toLowerCase();
        TestUsers.as(admin, List.of(Role.ADMIN), () -> backups.savePlan(null, new BackupPlanSettings(plan,
                "0 0 4 * * ?", target.toString(), Contents.BOTH, false, 1,
                new RetentionPolicy(3, 0, 0, 0, 0, 0), null, true)));
        BackupRunRecord run = TestUsers.as(admin, List.of(Role.ADMIN),
                () -> backups.backUpAndWait(plan, BackupReason.MANUAL));
        Files.writeString(sample.storage.resolve("notes.txt"), "changed after the backup\n");
        String stackName = TestUsers.asAdmin(() -> stack.stackName()).orElseThrow();

        signInAndWait(admin, TestUsers.PASSWORD);
        open("backups");
        page.locator("#history vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(plan)).first().click();
        page.locator("#restore-set").click();
        assertThat(page.locator("#restore-start")).isDisabled();
        page.locator("#restore-confirmation input").fill("not-the-name");
        assertThat(page.locator("#restore-start")).isDisabled();
        page.locator("#restore-confirmation input").fill(stackName);
        page.locator("#restore-start").click();
        assertThat(page.locator("#restore-outcome")).containsText("The stack runs on the restored set " + run.id(),
                new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        for (int step = 1; step <= 7; step++) {
            assertThat(page.locator("#restore-step-" + step)).containsText("done");
        }
        screenshot("24-backups-restore");
        Assertions.assertThat(sample.storage.resolve("notes.txt")).hasContent("kept in storage\n");
    }
}
