package dev.adapthub.web.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.adapthub.core.testsupport.TestRequirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Debian's headless Chromium driven by Playwright (its own browser download switched off).
 * Register with {@code @RegisterExtension}; a failed test leaves a screenshot in
 * {@code target/screenshots/}, and {@link #screenshot(String)} keeps one on purpose.
 */
public final class Browser implements TestWatcher {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HUB_CHROMIUM", "/usr/bin/chromium"));
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private Playwright playwright;
    private com.microsoft.playwright.Browser browser;
    private Page page;

    /** A fresh page (own cookies) in a started browser; skipped, or failed in CI, when Chromium is missing. */
    public Page open() {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = "Chromium is not installed at " + CHROMIUM + " (apt-get install -y chromium; .ci/run does it).";
            TestRequirements.unavailable(why);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS));
        page = browser.newContext(new NewContextOptions().setViewportSize(1400, 900)).newPage(); // the desktop width of every journey's screenshots
        page.setDefaultTimeout(15_000);
        return page;
    }

    /** Signs {@code account} in on the login page of the hub at {@code base}, with the test accounts' password. */
    public static void signIn(Page page, String base, dev.adapthub.core.account.Account account) {
        page.navigate(base + "/login");
        page.fill("#username", account.name());
        page.fill("#password", "a long password");
        page.click("button[type=submit]");
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (page != null) {
            screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
        close();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        close();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        close();
    }

    private void close() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            page = null;
        }
    }
}
