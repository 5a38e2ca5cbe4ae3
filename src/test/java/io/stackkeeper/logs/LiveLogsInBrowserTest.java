package io.stackkeeper.logs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.stackkeeper.BrowserTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.ChattyContainer;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsChange;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator follows the backend and a chatty frontend live, narrows the lines, pauses and resumes. */
class LiveLogsInBrowserTest extends BrowserTest {

    @Autowired
    StackService stack;

    @Test
    void an_operator_follows_two_containers_live_narrows_them_by_level_and_field_and_pauses_while_lines_wait() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0", "4.4", true, Map.of("SAMPLE_HEARTBEAT_SECONDS", "1"));
                ChattyContainer chatty = new ChattyContainer(200)) {
            sample.awaitReady();
            StackSettingsChange s = sample.settings();
            TestUsers.asAdmin(() -> stack.saveSettings(new StackSettingsChange(s.engine(),
                    StackSettingsChange.Containers.named(sample.backendName, chatty.name), s.databases(), s.urls(), s.storageHostPath(), s.registry())));
            String operator = TestUsers.create(accounts, "live-reader", Role.OPERATOR);
            signInAndWait(operator, TestUsers.PASSWORD);
            open("logs");

            page.locator("#logs-live").click();
            Locator grid = page.locator("#logs-grid");
            assertThat(grid).containsText("heartbeat");
            assertThat(grid).containsText(sample.backendName);
            // the chatty container's lines soon fill the rows in view: the backend's are further up
            page.locator("#logs-containers vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("frontend")).click();
            awaitCells("the frontend's lines in view", cells -> cells.contains(chatty.name));
            assertThat(page.locator("#logs-summary")).containsText("Live:");
            screenshot("52-logs-live");

            page.locator("#logs-level").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("warn")).click();
            awaitCells("warn lines only", cells -> cells.contains("warn") && !cells.contains("info") && !cells.contains("heartbeat"));

            page.locator("#logs-filter input").fill("user:10");
            page.locator("#logs-filter input").press("Enter");
            awaitCells("only lines of user 10", cells -> !messages(cells).isEmpty() && messages(cells).stream().allMatch(LiveLogsInBrowserTest::ofUser10));

            page.locator("#logs-pause").click();
            assertThat(page.locator("#logs-pause")).containsText("Resume");
            assertThat(page.locator("#logs-waiting")).containsText(Pattern.compile("[1-9]\\d* waiting"));
            String pausedSummary = page.locator("#logs-summary").textContent();
            screenshot("53-logs-paused");

            page.locator("#logs-pause").click();
            assertThat(page.locator("#logs-waiting")).isHidden();
            assertThat(page.locator("#logs-summary")).not().hasText(pausedSummary);
            org.assertj.core.api.Assertions.assertThat(messages(cells())).allMatch(LiveLogsInBrowserTest::ofUser10);

            // a download while live writes the lines the viewer shows: the filtered ones
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#logs-download-jsonl").click());
            List<String> downloaded = java.nio.file.Files.readAllLines(download.path());
            org.assertj.core.api.Assertions.assertThat(downloaded).isNotEmpty()
                    .allMatch(line -> line.contains("\"user\":\"10\"") || line.contains("\"user\":10") || line.contains("stackkeeper"));
            org.assertj.core.api.Assertions.assertThat(downloaded).anyMatch(line -> line.contains("\"message\":\"line "));
            assertThat(page.getByText("Something went wrong")).hasCount(0);
        }
    }

    private void awaitCells(String what, java.util.function.Predicate<List<String>> done) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        List<String> cells = cells();
        while (!done.test(cells)) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as(what + ", but the grid shows " + cells).isLessThan(until);
            page.waitForTimeout(200);
            cells = cells();
        }
    }

    private static boolean ofUser10(String message) {
        return Long.parseLong(message.substring("line ".length())) % 50 == 10;
    }

    /** The texts of the grid's cells in view (the grid keeps the cells of rows it no longer shows, hidden). */
    private List<String> cells() {
        return page.locator("#logs-grid vaadin-grid-cell-content:visible").allTextContents().stream().map(String::strip).toList();
    }

    /** The chatty container's messages among them. */
    private static List<String> messages(List<String> cells) {
        return cells.stream().filter(text -> text.matches("line \\d+")).toList();
    }
}
