package dev.launchpad.portal.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost pages and API on the embedded default: labelled demo data, and estimates kept at publishing. */
class CostPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static TestPortal portal;

    @BeforeAll
    static void start() throws Exception {
        portal = TestPortal.start(data);
        HttpResponse<String> published = portal.postJson("/api/v1/services?requestsPerMonth=5000000&avgDurationMs=120",
                Specs.minimal("order-service").replace("\"Takes orders\"", "\"Takes orders\", \"region\": \"eu-west-1\""));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(portal.postForm("/new", Map.of("name", List.of("signup-api"), "team", List.of("growth"),
                "description", List.of("Registers customers"), "region", List.of("us-east-1"), "environments", List.of("dev prod"),
                "feature", List.of("monitoring", "budgets"), "opt.budgets.monthlyLimitUsd", List.of("40"),
                "assumption.requestsPerMonth", List.of("2000000"))).statusCode()).isEqualTo(303);
        awaitPublished("signup-api");
        portal.launchpad().cost().refresher().refreshStale();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theTeamPageSaysItShowsDemoDataAndListsTheTeamsServices() {
        String page = portal.get("/cost/teams/payments").body();

        assertThat(page).contains("Demo data.").contains("order-service").contains("Top movers")
                .contains("Cost by feature").contains("to date");
        assertThat(page).contains("Cost Explorer requests by this portal");
    }

    @Test
    void theTeamApiAddsUpTheMonthsAndForecastsTheMonthEnd() throws Exception {
        JsonNode cost = JSON.readTree(portal.get("/api/v1/teams/payments/cost").body());

        assertThat(cost.at("/freshness/demo").asBoolean()).isTrue();
        assertThat(cost.at("/freshness/source").asText()).isEqualTo("demo data");
        assertThat(cost.at("/byService/months")).hasSize(6);
        double sum = 0;
        for (JsonNode row : cost.at("/byService/rows")) {
            sum += row.get("values").get(5).asDouble();
        }
        assertThat(cost.get("monthToDateUsd").asDouble()).isCloseTo(sum, org.assertj.core.api.Assertions.within(0.011));
        assertThat(cost.get("forecastMonthEndUsd").asDouble()).isGreaterThanOrEqualTo(cost.get("monthToDateUsd").asDouble());
        assertThat(cost.at("/trend/x")).hasSize(30);
    }

    @Test
    void anEstimateIsStoredWithTheServiceWithTheAssumptionsOfThePublishRequest() throws Exception {
        JsonNode api = JSON.readTree(portal.get("/api/v1/services/order-service/cost").body());
        JsonNode form = JSON.readTree(portal.get("/api/v1/services/signup-api/cost").body());

        assertThat(api.at("/estimate/stored").asBoolean()).isTrue();
        assertThat(api.at("/estimate/assumptions/requestsPerMonth").asLong()).isEqualTo(5_000_000);
        assertThat(api.at("/estimate/assumptions/avgDurationMs").asInt()).isEqualTo(120);
        assertThat(api.at("/estimate/environments").asInt()).isEqualTo(2);   // dev and prod, the defaults
        assertThat(form.at("/estimate/stored").asBoolean()).isTrue();
        assertThat(form.at("/estimate/assumptions/requestsPerMonth").asLong()).isEqualTo(2_000_000);
        assertThat(form.at("/budgets")).hasSize(2);
        assertThat(form.at("/budgets/0/name").asText()).isEqualTo("signup-api-dev-monthly");
        assertThat(form.at("/budgets/0/limitUsd").asDouble()).isEqualTo(40);
    }

    @Test
    void theOrganisationPageListsEveryTeam() {
        String page = portal.get("/cost").body();

        assertThat(page).contains("All teams").contains("/cost/teams/payments").contains("/cost/teams/growth");
    }

    @Test
    void unknownTeamsAndServicesAreNotFound() {
        assertThat(portal.get("/cost/teams/nobody").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/v1/teams/nobody/cost").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/v1/services/nothing/cost").statusCode()).isEqualTo(404);
    }

    @Test
    void costPagesNeedNoInlineScriptsOrStyles() {
        for (String path : List.of("/cost", "/cost/teams/payments", "/cost/services/order-service", "/new")) {
            String page = portal.get(path).body();
            assertThat(page.replaceAll("<script src=\"[^\"]+\" defer></script>", "")).as(path).doesNotContain("<script");
            assertThat(page).as(path).doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("style=").doesNotContain("<style");
        }
    }

    @Test
    void thePreviewIncludesTheEstimateWithTheQueryAssumptions() throws Exception {
        JsonNode preview = JSON.readTree(portal.postJson("/api/v1/projects/preview?requestsPerMonth=0",
                Specs.minimal("preview-only")).body());

        assertThat(preview.at("/estimate/assumptions/requestsPerMonth").asLong()).isZero();
        assertThat(preview.at("/estimate/features/0/id").asText()).isEqualTo("core");
        assertThat(preview.at("/fileCount").asInt()).isPositive();
    }

    @Test
    void theEstimateEndpointTakesSpecAndAssumptionsAndNamesEachBadField() throws Exception {
        HttpResponse<String> ok = portal.postJson("/api/v1/projects/estimate",
                "{\"spec\": " + Specs.minimal("estimate-me") + ", \"assumptions\": {\"requestsPerMonth\": 1000000}}");
        HttpResponse<String> bad = portal.postJson("/api/v1/projects/estimate",
                "{\"spec\": {\"name\": \"x\"}, \"assumptions\": {\"writePercent\": 120}}");
        HttpResponse<String> badAssumption = portal.postJson("/api/v1/projects/estimate",
                "{\"spec\": " + Specs.minimal("estimate-me") + ", \"assumptions\": {\"writePercent\": 120, \"users\": 3}}");

        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode estimate = JSON.readTree(ok.body());
        assertThat(estimate.get("pricesAsOf").asText()).startsWith("2026-");
        assertThat(estimate.at("/features/0/lines/0/formula").asText()).isNotBlank();
        assertThat(estimate.at("/features/0/lines/0/unitPrice").asText()).startsWith("$");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).at("/errors/0/field").asText()).startsWith("spec.");
        assertThat(badAssumption.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badAssumption.body()).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("assumptions.users", "assumptions.writePercent");
    }

    @Test
    void theFormsEstimatePanelIsRenderedOnTheServer() {
        String html = portal.postForm("/new/estimate", Map.of("region", List.of("eu-west-1"), "environments", List.of("dev, prod"),
                "feature", List.of("monitoring", "kinesis"))).body();
        String invalid = portal.postForm("/new/estimate", Map.of("region", List.of("eu-west-1"),
                "assumption.writePercent", List.of("200"))).body();

        assertThat(html).contains("id=\"estimate-total\"").contains("data-feature=\"kinesis\"").contains("Kinesis on-demand stream-hours");
        assertThat(invalid).contains("No estimate yet").contains("Writes must be a whole number from 0 to 100");
    }

    private static void awaitPublished(String name) throws InterruptedException {
        for (int i = 0; i < 200 && portal.get("/api/v1/services/" + name).statusCode() != 200; i++) {
            Thread.sleep(50);
        }
    }
}
