package dev.launchpad.portal.auth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.launchpad.portal.TestPortal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People sign in and out in Chromium, publish for their own team, and meet the 403 page where they may not go. */
class SignInBrowserTest {

    private static final String PASSWORD = "member-password-for-tests";

    @TempDir
    static Path data;
    static TestPortal portal;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;
    List<String> cspViolations;

    @BeforeAll
    static void start() {
        playwright = Playwright.create();
        browser = dev.launchpad.portal.Browser.launch(playwright);
        portal = TestPortal.start(data);
        new People(portal).team("alpha").team("beta")
                .person("member-alpha", PASSWORD, Map.of("alpha", TeamRole.MEMBER))
                .person("lead-alpha", PASSWORD, Map.of("alpha", TeamRole.LEAD));
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900));
        page = context.newPage();
        cspViolations = dev.launchpad.portal.Browser.cspViolations(page);
    }

    @AfterEach
    void close() {
        context.close();
        assertThat(cspViolations).as("Content-Security-Policy violations on the pages this test opened").isEmpty();
    }

    @Test
    void aMemberSignsInPublishesForTheirTeamAndSignsOut() {
        page.navigate(portal.url() + "/new");
        assertThat(page).hasURL(portal.url() + "/signin?next=%2Fnew");
        assertThat(page.locator("h1")).hasText("Sign in to Launchpad");
        shot("signin-01-page");

        page.locator("#login").fill("member-alpha");
        page.locator("#password").fill("not-the-password");
        page.locator("#sign-in").click();
        assertThat(page.locator("#signin-error")).hasText("Wrong login or password.");
        assertThat(page.locator("#login")).hasValue("member-alpha");
        shot("signin-02-wrong-password");

        page.locator("#password").fill(PASSWORD);
        page.locator("#sign-in").click();
        assertThat(page).hasURL(portal.url() + "/new");
        assertThat(page.locator(".topbar .user")).containsText("Member alpha");

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("alpha-ledger");
        page.getByLabel("Team", new Page.GetByLabelOptions().setExact(true)).fill("alpha");
        page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true)).fill("Keeps alpha's books");
        assertThat(page.locator("#preview-status")).containsText("files");
        page.locator("#create").click();
        assertThat(page).hasURL(Pattern.compile(".*/runs/[0-9a-f-]{36}$"));
        assertThat(page.locator("#run-status")).hasText("Published", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator(".step[data-status='succeeded']")).hasCount(5);
        assertThat(page.locator("#clone-url")).hasText(portal.url() + "/git/alpha/alpha-ledger.git");
        shot("signin-03-published-for-own-team");

        page.locator("#sign-out").click();
        assertThat(page).hasURL(portal.url() + "/signin");
        assertThat(page.locator("#sign-out")).hasCount(0);
        shot("signin-04-signed-out");

        page.navigate(portal.url() + "/services/alpha-ledger");
        assertThat(page).hasURL(portal.url() + "/signin?next=%2Fservices%2Falpha-ledger");
        assertThat(page.locator("#sign-in")).isVisible();
    }

    @Test
    void aMemberWhoIsNotALeadMeetsTheForbiddenPageOnTeamCostAndALeadSeesIt() {
        dev.launchpad.portal.Browser.signIn(page, portal.url(), "member-alpha", PASSWORD);

        for (String team : List.of("beta", "alpha")) {
            Response response = page.navigate(portal.url() + "/cost/teams/" + team);
            assertThat(response.status()).as("/cost/teams/" + team + " for a member of alpha").isEqualTo(403);
            assertThat(page.locator(".error-page .eyebrow")).hasText("Error 403");
            assertThat(page.locator(".error-page h1")).hasText("Forbidden");
            assertThat(page.locator(".error-page")).containsText("only leads of team " + team + " and admins may see this");
            shot("signin-05-forbidden-cost-" + team);
        }

        context.clearCookies();
        dev.launchpad.portal.Browser.signIn(page, portal.url(), "lead-alpha", PASSWORD);
        Response response = page.navigate(portal.url() + "/cost/teams/alpha");
        assertThat(response.status()).isEqualTo(200);
        assertThat(page.locator("#team-month-to-date")).isVisible();
        shot("signin-06-lead-sees-team-cost");
    }

    private void shot(String name) {
        try {
            Files.createDirectories(dev.launchpad.portal.Browser.screenshots());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(dev.launchpad.portal.Browser.screenshots().resolve(name + ".png"))
                .setFullPage(true));
    }
}
