package dev.launchpad.portal.health;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health pages in Chromium: charts drawn from a stubbed AWS, the team board's order, the demo banner. */
class HealthBrowserTest {

    @TempDir
    static Path awsData;
    @TempDir
    static Path demoData;
    static StubbedPortal aws;
    static TestPortal demo;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new ArrayList<>();
    List<String> cspViolations;

    @BeforeAll
    static void start() {
        playwright = Playwright.create();
        browser = dev.launchpad.portal.Browser.launch(playwright);
        aws = StubbedPortal.start(awsData, Duration.ofSeconds(2), Duration.ofSeconds(20));
        aws.publish(Specs.minimal("billing-api"));
        aws.publish(Specs.minimal("ledger-api"));
        aws.publish(Specs.minimal("refunds-api"));
        for (String s : List.of("billing-api", "ledger-api", "refunds-api")) {
            aws.stub.resources(s, "prod", StubbedPortal.stack(s, "prod", List.of("health", "users", "orders"), List.of("users", "orders"),
                    StubbedPortal.httpApi(s.substring(0, 4) + "api1")));
        }
        Instant since = Instant.now().minus(Duration.ofMinutes(42));
        aws.stub.alarm("billing-api-prod-users-errors", "OK", "Threshold Crossed: no datapoints were greater than the threshold (5.0).", since)
                .alarm("ledger-api-prod-api-5xx", "OK", "Threshold Crossed: no datapoints were greater than the threshold (10.0).", since)
                .alarm("refunds-api-prod-api-latency-p99", "INSUFFICIENT_DATA", "Insufficient Data: 1 datapoint was unknown.", since)
                .alarm("ledger-api-prod-orders-errors", "ALARM",
                        "Threshold Crossed: 1 out of the last 1 datapoints [14.0] was greater than the threshold (5.0).", since);
        // a daily wave with a little noise, so the charts look like traffic
        aws.stub.metric((q, t) -> {
            double wave = 60 + 40 * Math.sin(2 * Math.PI * (t % 86_400) / 86_400.0 + Math.abs(q.dimensions().hashCode() % 7));
            double noise = Math.abs((q.metric() + t).hashCode() % 17);
            return switch (q.metric()) {
                case "Duration", "Latency" -> Math.round(wave * 2 + noise);
                case "Errors", "5xx", "Throttles", "ReadThrottleEvents", "WriteThrottleEvents", "SystemErrors" -> noise > 14 ? 1 : 0;
                case "4xx" -> Math.round(noise / 4);
                default -> Math.round(wave / 4 + noise / 3);
            };
        });
        demo = TestPortal.start(demoData, c -> c.withDemoData(true));
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
        if (demo != null) {
            demo.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900));
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(consoleErrors::add);
        cspViolations = dev.launchpad.portal.Browser.cspViolations(page);
    }

    @AfterEach
    void close() {
        context.close();
        assertThat(cspViolations).as("Content-Security-Policy violations on the pages this test opened").isEmpty();
    }

    @Test
    void theDashboardDrawsEveryChartOfAStubbedServiceFromItsData() {
        aws.settled("/api/v1/services/ledger-api/metrics?range=3h");
        aws.settled("/api/v1/services/ledger-api/health");

        dev.launchpad.portal.Browser.open(page, aws.portal.url() + "/services/ledger-api/health?range=3h");
        assertThat(page.locator("#dashboard")).hasAttribute("data-state", "ready");

        Locator charts = page.locator("figure.chart");
        int count = charts.count();
        assertThat(count).isGreaterThan(10);
        assertThat(page.locator("figure.chart canvas")).hasCount(count);
        for (int i = 0; i < count; i++) {
            Locator chart = charts.nth(i);
            assertThat(chart).hasAttribute("data-drawn", "true");
            assertThat(Integer.parseInt(chart.getAttribute("data-points"))).as(chart.getAttribute("data-chart")).isPositive();
            assertThat(chart.locator("[data-chart-unit]")).not().isEmpty();
            assertThat(chart.locator("[data-chart-read]")).containsText("Read at");
        }
        assertThat(page.locator("[data-chart=\"lambda-invocations\"] [data-chart-unit]")).hasText("invocations per 1 min");
        assertThat(page.locator("tr[data-alarm=\"ledger-api-prod-orders-errors\"]")).containsText("Alarm");
        assertThat(page.getByText("Demo data.")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("health-dashboard")).setFullPage(true));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aDashboardOpenedBeforeTheStacksResourcesAreKnownDrawsItsChartsWhenTheyArrive() {
        aws.clock.advance(Duration.ofHours(1));
        aws.stub.failNext(dev.launchpad.portal.aws.AwsStub.GET_RESOURCES, 1, new dev.launchpad.portal.aws.AwsStub.Fault.Delay(5_000));

        dev.launchpad.portal.Browser.open(page, aws.portal.url() + "/services/refunds-api/health?range=1h");
        assertThat(page.locator(".notes")).containsText("could not be found yet: still loading");

        assertThat(page.locator("figure.chart[data-chart=\"lambda-invocations\"] canvas"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(page.locator(".notes")).isHidden();
        assertThat(page.locator("[data-section=\"Functions\"] h2")).hasText("Functions");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theTeamBoardListsTheServiceInAlarmFirst() {
        aws.settled("/api/v1/teams/payments/health");

        dev.launchpad.portal.Browser.open(page, aws.portal.url() + "/teams/payments/health");

        Locator rows = page.locator("table.health-board tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0)).hasAttribute("data-service", "ledger-api");
        assertThat(rows.nth(0)).hasAttribute("data-state", "ALARM");
        assertThat(rows.nth(1)).hasAttribute("data-state", "INSUFFICIENT_DATA");
        assertThat(rows.nth(2)).hasAttribute("data-state", "OK");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("health-team-board")).setFullPage(true));

        rows.nth(0).getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("ledger-api")).click();
        assertThat(page).hasURL(aws.portal.url() + "/services/ledger-api/health");
    }

    @Test
    void demoModeSaysDemoDataOnEveryHealthPageAndStillDrawsCharts() {
        dev.launchpad.portal.Browser.open(page, demo.url() + "/services/signup-api/health?range=1d");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.NOTE)).containsText("Demo data.");
        assertThat(page.locator("#dashboard")).hasAttribute("data-state", "ready");
        assertThat(page.locator("figure.chart canvas").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("health-demo-dashboard")).setFullPage(true));

        dev.launchpad.portal.Browser.open(page, demo.url() + "/health");
        assertThat(page.locator(".demo-banner")).isVisible();
        assertThat(page.locator(".team-card").first()).hasAttribute("data-state", "ALARM");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("health-demo-organisation")).setFullPage(true));

        dev.launchpad.portal.Browser.open(page, demo.url() + "/services");
        assertThat(page.locator("a.health[data-health=\"signup-api\"]")).hasText("Alarm");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("health-demo-catalog")).setFullPage(true));
        assertThat(consoleErrors).isEmpty();
    }

    private static Path shot(String name) {
        return dev.launchpad.portal.Browser.screenshots().resolve(name + ".png");
    }
}
