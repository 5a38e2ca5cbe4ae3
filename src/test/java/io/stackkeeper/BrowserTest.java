package io.stackkeeper;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.stackkeeper.security.AccountService;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End-to-end tests in Debian's Chromium through Playwright, against the portal on its random port. One browser
 * serves all such tests; each test gets a fresh context (no cookies). Screenshots go to target/screenshots/.
 */
@PortalTest
public abstract class BrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountService accounts;

    private BrowserContext context;
    protected Page page;

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    @BeforeEach
    void openBrowser() {
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 860));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    protected void signIn(String username, String password) {
        page.navigate(url("login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
    }

    protected void signInAndWait(String username, String password) {
        signIn(username, password);
        page.locator("#who-am-i").waitFor();
    }

    /** Navigates inside the signed-in session and waits until Vaadin has rendered the view. */
    protected void open(String path) {
        page.navigate(url(path));
        page.locator("vaadin-app-layout").waitFor();
        page.waitForFunction("() => !document.querySelector('vaadin-connection-indicator[loading]')");
    }

    protected List<String> navigationItems() {
        page.locator("vaadin-side-nav-item").first().waitFor();
        return page.locator("vaadin-side-nav-item").allTextContents().stream().map(String::strip).toList();
    }

    protected void screenshot(String name) {
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
