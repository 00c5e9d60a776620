package dev.launchpad.portal.scaffold;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.launchpad.portal.TestPortal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new user creates a service in the browser, from the empty catalog to the zip download. */
class NewServiceJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900).setAcceptDownloads(true));
        page = context.newPage();
        cspViolations = dev.launchpad.portal.Browser.cspViolations(page);
    }

    @AfterEach
    void close() {
        context.close();
        assertThat(cspViolations).as("Content-Security-Policy violations on the pages this test opened").isEmpty();
    }

    @Test
    void aNewUserCreatesAServiceWatchesItPublishAndFindsItInTheCatalog() throws Exception {
        dev.launchpad.portal.Browser.open(page, portal.url() + "/");
        assertThat(page).hasURL(portal.url() + "/services");
        assertThat(page.getByText("No services match.")).isVisible();
        shot("01-empty-catalog");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New service").setExact(true)).first().click();
        assertThat(page).hasURL(portal.url() + "/new");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("checkout-api");
        page.getByLabel("Team", new Page.GetByLabelOptions().setExact(true)).fill("payments");
        page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true)).fill("Takes payments at checkout");
        page.getByLabel("AWS region").selectOption("eu-west-1");

        // the live preview lists the files and shows one when clicked
        assertThat(page.locator("#preview-status")).containsText("files");
        page.locator("#preview-tree button[data-path='.launchpad/spec.json']").click();
        assertThat(page.locator("#preview-file")).containsText("\"name\": \"checkout-api\"");
        assertThat(page.locator("#preview-file")).containsText("eu-west-1");
        shot("02-form-with-preview");
        page.locator("#card-monitoring").scrollIntoViewIfNeeded();

        // turning off a feature others need turns them off too, and says why
        Locator monitoring = page.locator("#feature-monitoring");
        Locator budgets = page.locator("#feature-budgets");
        monitoring.uncheck();
        assertThat(budgets).not().isChecked();
        assertThat(page.locator("#feature-budgets-note")).containsText("needs Monitoring and alerting");
        assertThat(page.locator("#preview-file")).not().containsText("\"budgets\"");

        // choosing a feature that requires another turns that one on and explains why (keyboard only)
        budgets.focus();
        page.keyboard().press("Space");
        assertThat(budgets).isChecked();
        assertThat(monitoring).isChecked();
        assertThat(page.locator("#feature-monitoring-note"))
                .containsText("Turned on because Budget and cost alerts needs it");
        assertThat(page.locator("[data-options-for='budgets']")).isVisible();
        assertThat(page.locator("#preview-file")).containsText("\"budgets\"");
        page.locator("#card-budgets").scrollIntoViewIfNeeded();
        shot("03-requires-turns-on-monitoring");

        explainsAConflictIfTheCatalogHasOne();

        // an option out of range is explained beside the option before submitting
        page.getByLabel("Monthly limit").fill("0");
        assertThat(page.locator("[data-error-for='features.budgets.monthlyLimitUsd']")).containsText("from 1 to 1000000");
        page.locator("#card-budgets").scrollIntoViewIfNeeded();
        shot("04-option-error-beside-field");
        page.getByLabel("Monthly limit").fill("300");
        assertThat(page.locator("[data-error-for='features.budgets.monthlyLimitUsd']")).isHidden();
        assertThat(page.locator("#preview-file")).containsText("300");

        // the zip is the project the preview shows
        Download download = page.waitForDownload(() -> page.locator("#download").click());
        List<String> entries = zipEntries(download.path());
        assertThat(entries).contains("checkout-api/.launchpad/spec.json");
        assertThat(entries).hasSize(page.locator("#preview-tree button").count());

        // create: the run's steps stream in and end with the output links
        page.locator("#create").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/runs/[0-9a-f-]{36}$"));
        assertThat(page.locator("#outputs")).isVisible();
        assertThat(page.locator(".step[data-status='succeeded']")).hasCount(5);
        assertThat(page.locator("#run-status")).hasText("Published");
        assertThat(page.locator("#clone-url")).hasText(portal.url() + "/git/payments/checkout-api.git");
        shot("05-run-published");

        page.locator("#service-link").click();
        assertThat(page).hasURL(portal.url() + "/services/checkout-api");
        assertThat(page.locator("#clone-command")).hasText("git clone " + portal.url() + "/git/payments/checkout-api.git");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("spec.json")).click();
        assertThat(page.locator("#file pre")).containsText("\"monthlyLimitUsd\": 300");
        shot("06-service-page");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Catalog").setExact(true)).click();
        page.getByLabel("Team").selectOption("payments");
        page.getByLabel("Feature").selectOption("budgets");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page).hasURL(portal.url() + "/services?team=payments&feature=budgets");
        assertThat(page.locator("table.services tbody tr")).hasCount(1);
        assertThat(page.locator("table.services")).containsText("checkout-api");
        shot("07-catalog-filtered");
    }

    @Test
    void problemsAppearBesideTheFieldsAsTheUserTypes() {
        dev.launchpad.portal.Browser.open(page, portal.url() + "/new");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Bad Name");
        page.getByLabel("Environments").fill("dev dev");

        assertThat(page.locator("#name-error")).containsText("lowercase letters");
        assertThat(page.locator("#environments-error")).containsText("repeats \"dev\"");
        assertThat(page.locator("#name")).hasAttribute("aria-invalid", "true");
        // fields the user has not reached yet are not scolded
        assertThat(page.locator("#team-error")).isHidden();
        shot("08-field-errors");

        page.locator("#create").click();
        assertThat(page.locator("#team-error")).containsText("is required");
        page.locator("#name").scrollIntoViewIfNeeded();
        assertThat(page.locator("#name-error")).containsText("lowercase letters");
        shot("09-submitted-with-errors");
    }

    @Test
    void theApiReferenceIsBrowsable() {
        dev.launchpad.portal.Browser.open(page, portal.url() + "/api/docs");
        assertThat(page.locator(".swagger-ui .info .title")).containsText("Launchpad API");
        assertThat(page.locator(".opblock-summary-path").first()).isVisible();
        shot("10-api-docs");
    }

    private void explainsAConflictIfTheCatalogHasOne() throws IOException {
        JsonNode blueprint = JSON.readTree(portal.get("/api/v1/blueprint").body());
        for (JsonNode feature : blueprint.get("features")) {
            for (JsonNode conflict : feature.get("conflicts")) {
                String a = feature.get("id").asText();
                String b = conflict.get("feature").asText();
                page.locator("#feature-" + a).check();
                page.locator("#feature-" + b).check();
                assertThat(page.locator("#feature-" + b + "-note")).containsText("Conflicts with");
                page.locator("#card-" + b).scrollIntoViewIfNeeded();
                shot("03b-conflict-explained");
                page.locator("#feature-" + b).uncheck();
                assertThat(page.locator("#feature-" + a + "-note")).not().containsText("Conflicts with");
                return;
            }
        }
    }

    private void shot(String name) {
        try {
            Files.createDirectories(dev.launchpad.portal.Browser.screenshots());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(dev.launchpad.portal.Browser.screenshots().resolve(name + ".png")));
    }

    private static List<String> zipEntries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
