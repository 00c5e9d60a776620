package dev.launchpad.portal;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Chromium through Playwright, for tests that use the portal as a person would. Skipped only when
 * {@code launchpad.browser-tests.skip} is true; a missing Chromium fails the test and says how to install it.
 */
public final class Browser {

    private Browser() {
    }

    public static com.microsoft.playwright.Browser launch(Playwright playwright) {
        Assumptions.assumeFalse(Boolean.getBoolean("launchpad.browser-tests.skip"),
                "browser tests disabled with -Dlaunchpad.browser-tests.skip=true");
        Path chromium = Path.of(System.getProperty("launchpad.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is not at " + chromium + ". Install it (apt-get install -y chromium), point"
                    + " -Dlaunchpad.chromium at it, or skip the browser tests with -Dlaunchpad.browser-tests.skip=true");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    /** Opens {@code url}, signing in as the test admin first when the portal asks for it. */
    public static void open(com.microsoft.playwright.Page page, String url) {
        page.navigate(url);
        if (page.url().contains("/signin")) {
            page.locator("#login").fill("admin");
            page.locator("#password").fill(TestPortal.ADMIN_PASSWORD);
            page.locator("#sign-in").click();
            page.waitForURL(u -> !u.contains("/signin"));
        }
    }

    /** Signs in through the sign-in page, as a person would, and waits for the catalog. */
    public static void signIn(com.microsoft.playwright.Page page, String baseUrl, String login, String password) {
        page.navigate(baseUrl + "/signin");
        page.locator("#login").fill(login);
        page.locator("#password").fill(password);
        page.locator("#sign-in").click();
        page.waitForURL(url -> !url.contains("/signin"));
    }

    /**
     * Starts collecting what Chromium reports about the page breaking the Content-Security-Policy (an inline
     * script or style, a blocked image or connection), with the address of the page it happened on.
     */
    public static List<String> cspViolations(com.microsoft.playwright.Page page) {
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                reported.add(page.url() + ": " + m.text());
            }
        });
        return reported;
    }

    public static Path screenshots() {
        return Path.of(System.getProperty("launchpad.screenshots", "target/screenshots"));
    }
}
