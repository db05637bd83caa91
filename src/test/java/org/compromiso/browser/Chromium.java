package org.compromiso.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A real, headless Chromium driven by Playwright: Debian's {@code /usr/bin/chromium} (or
 * {@code COMPROMISO_CHROMIUM}); Playwright's own browser download is switched off. Each test gets fresh
 * browser contexts (one per user); a screenshot is saved under {@code target/browser/} at each key step and
 * when a test fails, and the README's under {@code docs/screenshots/}. Without a Chromium the tests are skipped
 * with a hint, except in CI, where they fail.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        TestExecutionExceptionHandler, AfterEachCallback {

    static final Path SCREENSHOTS = Path.of("target", "browser");
    /** The README's pictures: taken by the tests, so they show what the service does today. */
    static final Path README_SCREENSHOTS = Path.of("docs", "screenshots");

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();
    /** What went wrong in the windows of this test: printed with a failure, as CI keeps its log only. */
    private final List<String> troubles = Collections.synchronizedList(new ArrayList<>());
    private String testName = "test";

    @Override
    public void beforeAll(ExtensionContext context) {
        Path executable = Path.of(System.getenv().getOrDefault("COMPROMISO_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            String hint = "No Chromium at " + executable + ": install it (apt-get install chromium) or set "
                    + "COMPROMISO_CHROMIUM to run the browser tests";
            if (System.getenv("CI") != null) {
                fail(hint);
            }
            Assumptions.abort(hint);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                // the machine has no network beyond loopback: no background calls, no component updates
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestMethod().getName();
    }

    /** A new browser window with no session, as a user who has not logged in yet. */
    public Page newPage() {
        var browserContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1400, 900).setLocale("en-US").setTimezoneId("UTC").setAcceptDownloads(true));
        browserContext.setDefaultTimeout(20_000);
        contexts.add(browserContext);
        browserContext.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                troubles.add("console: " + message.text());
            }
        });
        browserContext.onResponse(response -> {
            if (response.status() >= 400) {
                troubles.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
        return browserContext.newPage();
    }

    /** A new browser window signed in as this demo user through the sign-in page, at the service of this base URL. */
    public Page signIn(String baseUrl, String user) {
        Page page = newPage();
        page.navigate(baseUrl + "/login");
        page.locator("#username").fill(user);
        page.locator("#password").fill("demo");
        page.locator("button[type=submit]").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/camunda/app/.*"));
        return page;
    }

    /** Saves what the page shows now as {@code target/browser/<test>-<step>.png}. */
    public Path screenshot(Page page, String step) {
        Path file = SCREENSHOTS.resolve(testName + "-" + step + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * Saves what the page shows now as the test's own screenshot and, when asked ({@code -Dreadme.screenshots=true}),
     * as the README's {@code docs/screenshots/<name>.png}: an ordinary run leaves the working tree as it was.
     */
    public void screenshotForReadme(Page page, String name) {
        screenshot(page, name);
        if (Boolean.getBoolean("readme.screenshots")) {
            page.screenshot(new Page.ScreenshotOptions().setPath(README_SCREENSHOTS.resolve(name + ".png")));
        }
    }

    /**
     * A failure carries what each window showed, the browser's errors and the refused requests, as a suppressed
     * exception: CI keeps its console only, not the screenshots or the tests' own output.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        var evidence = new StringBuilder("What the browser showed when " + testName + " failed:");
        int window = 0;
        for (BrowserContext browserContext : contexts) {
            for (Page page : browserContext.pages()) {
                try {
                    Path shot = screenshot(page, "failure-" + window++);
                    String text = page.locator("body").innerText(new Locator.InnerTextOptions().setTimeout(2_000));
                    evidence.append(String.format("%n-- window at %s (%s):%n%s", page.url(), shot,
                            text.length() > 2_000 ? text.substring(0, 2_000) + " ..." : text));
                } catch (RuntimeException unreadable) {
                    evidence.append(String.format("%n-- window at %s: unreadable (%s)", page.url(), unreadable));
                }
            }
        }
        synchronized (troubles) {
            troubles.forEach(trouble -> evidence.append(String.format("%n-- %s", trouble)));
        }
        failure.addSuppressed(new BrowserEvidence(evidence.toString()));
        throw failure;
    }

    /** What the browser showed, carried by a failed test's exception. */
    static final class BrowserEvidence extends RuntimeException {
        BrowserEvidence(String evidence) {
            super(evidence, null, false, false);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        troubles.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            playwright.close();
        }
    }
}
