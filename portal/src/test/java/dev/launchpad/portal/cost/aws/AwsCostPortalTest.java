package dev.launchpad.portal.cost.aws;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.cost.CostSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal reading cost from a Cost Explorer and Budgets stub through the real SDK clients: figures come
 * from the cache the background refresh fills, so page views make no AWS call, and a failed refresh leaves
 * the last figures on the page with the reason.
 */
class AwsCostPortalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static CostExplorerStub stub;
    static TestPortal portal;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;
    java.util.List<String> cspViolations;

    @BeforeAll
    static void start() throws Exception {
        stub = new CostExplorerStub();
        // the SDK's default credentials chain reads these first; nothing is sent anywhere but the stub
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
        portal = TestPortal.start(data, c -> c.withCost(new CostSettings(CostSettings.Source.AWS, "111122223333",
                stub.uri(), Duration.ofHours(8))));
        for (String name : new String[] {"order-service", "billing-api"}) {
            var published = portal.postJson("/api/v1/services", Specs.minimal(name));
            assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        }
        portal.launchpad().cost().refresher().refreshStale();
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        portal.close();
        stub.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @BeforeEach
    void open() {
        if (playwright == null) {
            playwright = Playwright.create();
            browser = dev.launchpad.portal.Browser.launch(playwright);
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 1000));
        page = context.newPage();
        cspViolations = dev.launchpad.portal.Browser.cspViolations(page);
    }

    @AfterEach
    void close() {
        context.close();
        assertThat(cspViolations).as("Content-Security-Policy violations on the pages this test opened").isEmpty();
    }

    @Test
    void pageViewsReadTheCacheAndMakeNoAwsCall() throws Exception {
        int before = stub.requests();
        long counted = JSON.readTree(portal.get("/api/v1/teams/payments/cost").body()).at("/requests/costExplorer").asLong();

        for (String path : new String[] {"/cost/teams/payments", "/cost/teams/payments", "/api/v1/teams/payments/cost",
                "/cost", "/cost/services/order-service", "/api/v1/services/order-service/cost"}) {
            assertThat(portal.get(path).statusCode()).as(path).isEqualTo(200);
        }

        assertThat(stub.requests()).isEqualTo(before);
        assertThat(JSON.readTree(portal.get("/api/v1/teams/payments/cost").body()).at("/requests/costExplorer").asLong())
                .isEqualTo(counted);
    }

    @Test
    void theTeamsFiguresAreTheStubsAddedUp() throws Exception {
        JsonNode cost = JSON.readTree(portal.get("/api/v1/teams/payments/cost").body());

        assertThat(cost.at("/freshness/source").asText()).isEqualTo("AWS Cost Explorer and AWS Budgets");
        assertThat(cost.at("/freshness/demo").asBoolean()).isFalse();
        assertThat(cost.get("monthToDateUsd").asDouble()).isEqualTo(5.50);          // 4.00 + 1.00 + 0.50
        assertThat(cost.get("lastMonthUsd").asDouble()).isEqualTo(17.50);           // 10.00 + 5.00 + 2.50
        assertThat(cost.get("forecastMonthEndUsd").asDouble()).isEqualTo(17.50);    // 5.50 to date + 12.00 forecast
        JsonNode orderService = row(cost.at("/byService/rows"), "order-service");
        assertThat(orderService.get("total").asDouble()).isEqualTo(80.00);          // 5 × 15.00 + 5.00
        assertThat(row(cost.at("/byFeature/rows"), "kinesis").get("label").asText()).isEqualTo("Kinesis event streaming");
        assertThat(row(cost.at("/byFeature/rows"), "").get("label").asText()).isEqualTo("Core (no feature tag)");
        // last 7 days 7 × 0.80 = 5.60 against 7 × 0.50 = 3.50 before: up 2.10, +60%
        assertThat(cost.at("/movers/0/service").asText()).isEqualTo("order-service");
        assertThat(cost.at("/movers/0/changeUsd").asDouble()).isCloseTo(2.10, within(1e-9));
        assertThat(cost.at("/movers/0/changePercent").asDouble()).isEqualTo(60.0);
        JsonNode budgets = service(cost, "order-service").get("budgets");
        assertThat(budgets.get(0).get("name").asText()).isEqualTo("order-service-dev-monthly");
        assertThat(budgets.get(0).get("limitUsd").asDouble()).isEqualTo(50);
        assertThat(budgets.get(1).get("forecastUsd").asDouble()).isEqualTo(120);
        assertThat(budgets.get(1).get("over").asBoolean()).isTrue();
        assertThat(service(cost, "billing-api").at("/budgets/0/found").asBoolean()).isFalse();
        assertThat(service(cost, "order-service").at("/estimate/stored").asBoolean()).isTrue();
        // the team's refresh alone sent 4: two monthly pages, the daily query and the forecast; each is $0.01
        long sent = cost.at("/requests/costExplorer").asLong();
        assertThat(sent).isGreaterThanOrEqualTo(4);
        assertThat(cost.at("/requests/costExplorerUsd").asDouble()).isCloseTo(sent * 0.01, within(1e-9));
    }

    @Test
    void aFailedRefreshKeepsTheLastFiguresOnThePageAndSaysWhy() throws Exception {
        stub.refuseEverything();
        try {
            age("team:payments");
            portal.launchpad().cost().refresher().refreshStale();

            var response = portal.get("/cost/teams/payments");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("The last refresh failed").contains("not authorized")
                    .contains("The figures shown are from the refresh before").contains("$5.50");
            JsonNode cost = JSON.readTree(portal.get("/api/v1/teams/payments/cost").body());
            assertThat(cost.get("monthToDateUsd").asDouble()).isEqualTo(5.50);
            assertThat(cost.at("/freshness/error").asText()).contains("not authorized");
            dev.launchpad.portal.Browser.open(page, portal.url() + "/cost/teams/payments");
            assertThat(page.locator(".cost-error")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("cost-refresh-failed")));
        } finally {
            stub.answerAsUsual();
            age("team:payments");
            portal.launchpad().cost().refresher().refreshStale();
        }
    }

    @Test
    void aTeamLeadSeesTotalsThatMatchTheStub() {
        dev.launchpad.portal.Browser.open(page, portal.url() + "/cost/teams/payments");

        assertThat(page.locator("#team-month-to-date")).hasText("$5.50");
        assertThat(page.locator("#team-forecast")).hasText("$17.50");
        assertThat(page.locator("#team-last-month")).hasText("$17.50");
        assertThat(page.locator("#cost-by-service tr[data-row='order-service'] td").last()).hasText("$80.00");
        assertThat(page.locator("#cost-by-feature tr[data-row='kinesis'] th")).hasText("Kinesis event streaming");
        assertThat(page.locator("tr[data-budget='order-service-prod-monthly']")).containsText("$120.00");
        assertThat(page.locator("#movers")).containsText("order-service up $2.10 (+60.0%)");
        assertThat(page.locator(".cost-chart .uplot")).isVisible();
        assertThat(page.locator(".demo-banner")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("cost-team-page")).setFullPage(true));

        page.locator("#service-order-service-title a").click();
        assertThat(page.locator("h1")).hasText("order-service");
        assertThat(page.locator("#estimate-vs-actual tr[data-feature='kinesis']")).containsText("$5.00");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("cost-service-page")).setFullPage(true));

        dev.launchpad.portal.Browser.open(page, portal.url() + "/cost");
        assertThat(page.locator("#cost-by-team tr[data-row='payments'] td").first()).hasText("$17.50");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("cost-organisation-page")).setFullPage(true));
    }

    @Test
    void theEstimateChangesWhenAFeatureOrAnOptionChanges() {
        dev.launchpad.portal.Browser.open(page, portal.url() + "/new");
        var total = page.locator("#estimate-total");
        assertThat(total).hasText(java.util.regex.Pattern.compile("\\$\\d+\\.\\d\\d"));
        String defaults = total.textContent();

        page.locator("#feature-kinesis").check();
        assertThat(total).not().hasText(defaults);
        assertThat(page.locator("#estimate-features li[data-feature='kinesis']")).isVisible();
        String withKinesis = total.textContent();
        assertThat(dollars(withKinesis)).isGreaterThan(dollars(defaults));

        page.locator("#opt-core-memoryMb").fill("4096");
        assertThat(total).not().hasText(withKinesis);
        assertThat(dollars(total.textContent())).isGreaterThan(dollars(withKinesis));

        page.locator("#assumption-writePercent").fill("150");
        assertThat(page.locator("#cost-estimate")).containsText("Writes must be a whole number from 0 to 100");
        assertThat(page.locator("#assumption-writePercent")).hasAttribute("aria-invalid", "true");
        page.locator("#assumption-writePercent").fill("20");
        assertThat(total).isVisible();
        page.locator("#estimate-features li[data-feature='kinesis'] summary").click();
        assertThat(page.locator("#estimate-features li[data-feature='kinesis']")).containsText("Kinesis on-demand stream-hours");
        page.locator("#cost-estimate-panel").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("cost-estimate-in-form")));
    }

    private static double dollars(String text) {
        return Double.parseDouble(text.replace("$", "").replace(",", ""));
    }

    private static JsonNode row(JsonNode rows, String key) {
        for (JsonNode row : rows) {
            if (row.get("key").asText().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    private static JsonNode service(JsonNode cost, String name) {
        for (JsonNode s : cost.get("services")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no service " + name);
    }

    /** Makes a cache entry look older than the refresh interval, and any failure older than its pause. */
    private static void age(String key) throws Exception {
        try (Connection c = portal.launchpad().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update cost_cache set fetched_at = ?, error_at = case when error_at"
                     + " is null then null else ? end where cache_key = ?")) {
            var old = Instant.now().minus(Duration.ofHours(9)).atOffset(ZoneOffset.UTC);
            ps.setObject(1, old);
            ps.setObject(2, old);
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    private static Path screenshot(String name) {
        return dev.launchpad.portal.Browser.screenshots().resolve(name + ".png");
    }
}
