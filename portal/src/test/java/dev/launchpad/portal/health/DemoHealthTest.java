package dev.launchpad.portal.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.health.demo.DemoHealthSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no AWS configured, the health pages show synthetic data for the registered services, and say so. */
class DemoHealthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(data, c -> c.withDemoData(true));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theDemoPutsSomeServicesInAlarmAndSomeWithInsufficientDataTheSameEveryTime() throws Exception {
        JsonNode org = json("/api/v1/health");
        JsonNode again = json("/api/v1/health");

        assertThat(org.get("source").asText()).isEqualTo("demo");
        assertThat(org.get("teams")).extracting(t -> t.get("team").asText() + "=" + t.get("state").asText())
                .containsExactly("growth=ALARM", "payments=INSUFFICIENT_DATA");
        assertThat(states(org)).isEqualTo(Map.of("signup-api", "ALARM", "order-service", "INSUFFICIENT_DATA")).isEqualTo(states(again));
        assertThat(DemoHealthSource.trouble("signup-api")).isEqualTo(DemoHealthSource.Trouble.ALARM);
        assertThat(DemoHealthSource.trouble("order-service")).isEqualTo(DemoHealthSource.Trouble.INSUFFICIENT_DATA);

        JsonNode signup = json("/api/v1/services/signup-api/health");
        JsonNode prod = env(signup, "prod");
        JsonNode dev = env(signup, "dev");
        assertThat(prod.get("state").asText()).isEqualTo("ALARM");
        assertThat(prod.get("alarms").get(0).get("name").asText()).startsWith("signup-api-prod-");
        assertThat(prod.get("alarms").get(0).get("reason").asText()).startsWith("Threshold Crossed");
        assertThat(dev.get("state").asText()).isEqualTo("OK");
        assertThat(prod.get("alarms")).extracting(a -> a.get("name").asText())
                .contains("signup-api-prod-users-errors", "signup-api-prod-api-5xx", "signup-api-prod-orders-table-read-throttles");
    }

    @Test
    void everyPageThatShowsDemoDataSaysSo() throws Exception {
        for (String path : List.of("/health", "/teams/payments/health", "/services/order-service/health")) {
            assertThat(portal.get(path).body()).as(path).contains("<strong>Demo data.</strong>");
        }
        assertThat(portal.get("/services").body()).contains("Health <span class=\"muted\">(demo data)</span>")
                .containsPattern("class=\"health health-alarm\" href=\"/services/signup-api/health\"");
        assertThat(json("/api/v1/services/order-service/metrics").get("notice").asText()).startsWith("demo data");
        assertThat(json("/api/v1/teams/growth/health").get("demo").asBoolean()).isTrue();
    }

    @Test
    void theDemoDashboardChartsTheServicesFeaturesWithData() throws Exception {
        JsonNode metrics = json("/api/v1/services/order-service/metrics?range=1h");

        assertThat(metrics.get("environment").asText()).isEqualTo("prod");
        assertThat(metrics.get("fresh").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(metrics.get("charts").spliterator(), false).map(c -> c.get("section").asText()).distinct())
                .containsExactly("Functions", "API", "Tables", "Business");
        assertThat(metrics.get("charts")).allSatisfy(c -> assertThat(c.get("series")).isNotEmpty());
        JsonNode invocations = metrics.get("charts").get(0);
        assertThat(invocations.get("series")).extracting(s -> s.get("label").asText()).containsExactly("health", "orders", "users");
        assertThat(invocations.get("series").get(0).get("values")).hasSize(60).allSatisfy(v -> assertThat(v.asDouble()).isPositive());
        assertThat(json("/api/v1/services/order-service/metrics?range=1h").get("charts")).isEqualTo(metrics.get("charts"));
    }

    @Test
    void demoMetricsFollowTheServiceNameAndTheTime() {
        var directory = new ServiceDirectory() {
            final List<ServiceProfile> all = List.of(
                    new ServiceProfile("a-api", "t", "", Set.of("core", "monitoring"), List.of("prod"), false),
                    new ServiceProfile("b-api", "t", "", Set.of("core", "monitoring"), List.of("prod"), false));

            public List<ServiceProfile> services() {
                return all;
            }

            public java.util.Optional<ServiceProfile> service(String name) {
                return all.stream().filter(s -> s.name().equals(name)).findFirst();
            }

            public List<dev.launchpad.portal.catalog.Team> teams() {
                return List.of();
            }
        };
        var demo = new DemoHealthSource(directory, java.time.Clock.systemUTC());
        Range.Window window = Range.H1.window(Range.H1.bucket(java.time.Instant.parse("2026-11-27T12:00:00Z")));
        MetricQuery a = MetricQuery.of("AWS/Lambda", "Invocations", "Sum", Map.of("FunctionName", "a-api-prod-users"));
        MetricQuery b = MetricQuery.of("AWS/Lambda", "Invocations", "Sum", Map.of("FunctionName", "b-api-prod-users"));

        var first = demo.metrics(DemoHealthSource.TARGET, List.of(a, b), window);
        var second = demo.metrics(DemoHealthSource.TARGET, List.of(a, b), window);

        assertThat(first).isEqualTo(second);
        assertThat(first.get(a)).isNotEqualTo(first.get(b));
        assertThat(demo.discover(DemoHealthSource.TARGET, new Stack("a-api", "prod"))).extracting(Resource::name)
                .contains("a-api-prod-users", "a-api-prod-orders");
    }

    @Test
    void healthPagesNeedNoInlineScriptsOrStyles() {
        for (String path : List.of("/health", "/teams/growth/health", "/services/signup-api/health", "/services/signup-api/health?range=7d&env=dev")) {
            HttpResponse<String> response = portal.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            String page = response.body();
            assertThat(page.replaceAll("<script src=\"[^\"]+\" defer></script>", "")).as(path).doesNotContain("<script");
            assertThat(page).as(path).doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("style=").doesNotContain("<style");
        }
        assertThat(portal.get(HealthPages.UPLOT_PATH + "uPlot.iife.min.js").statusCode()).isEqualTo(200);
        assertThat(portal.get(HealthPages.UPLOT_PATH + "uPlot.min.css").statusCode()).isEqualTo(200);
        assertThat(portal.get("/assets/health.js").statusCode()).isEqualTo(200);
    }

    private static Map<String, String> states(JsonNode org) {
        Map<String, String> out = new java.util.HashMap<>();
        org.get("teams").forEach(t -> t.get("services").forEach(s -> out.put(s.get("service").asText(), s.get("state").asText())));
        return out;
    }

    private static JsonNode env(JsonNode service, String name) {
        return StreamSupport.stream(service.get("environments").spliterator(), false)
                .filter(e -> e.get("environment").asText().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = portal.get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
