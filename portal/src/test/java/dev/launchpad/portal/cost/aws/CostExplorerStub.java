package dev.launchpad.portal.cost.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost Explorer and AWS Budgets as the pinned SDK (2.40.2) speaks to them: AWS JSON 1.1, a POST to "/" with
 * {@code X-Amz-Target: AWSInsightsIndexService.<Operation>} or {@code AWSBudgetServiceGateway.<Operation>}
 * and {@code Content-Type: application/x-amz-json-1.1}, as captured from the SDK. One team, payments, with
 * two services; every figure is relative to today so the stub fits any date.
 *
 * <pre>
 * each of the 5 past months: order-service core 10.00 + kinesis 5.00, billing-api core 2.50 = 17.50
 * this month to date:        order-service core  4.00 + kinesis 1.00, billing-api core 0.50 =  5.50
 * forecast of the rest:      12.00, so the month ends at 17.50
 * daily, last 30 days:       order-service 0.50 a day (0.80 in the last 7), billing-api 0.10 a day
 * budgets (two pages):       order-service-dev-monthly 50 / 3.10 / 20.00, order-service-prod-monthly 100 / 40.50 / 120.00
 * </pre>
 */
final class CostExplorerStub implements AutoCloseable {

    static final String CE = "AWSInsightsIndexService.";
    static final String BUDGETS = "AWSBudgetServiceGateway.";
    static final String JSON_1_1 = "application/x-amz-json-1.1";

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    CostExplorerStub() {
        server.start();
        answerAsUsual();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Every operation answers with the figures above; the monthly results and the budgets come in two pages. */
    void answerAsUsual() {
        server.resetAll();
        List<LocalDate> months = months();
        server.stubFor(ce("GetCostAndUsage").withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .withRequestBody(matchingJsonPath("$.GroupBy[0].Key", equalTo("launchpad:service")))
                .withRequestBody(notContaining("NextPageToken"))
                .willReturn(ok(monthly(months.subList(0, 3), "monthly-page-2"))));
        server.stubFor(ce("GetCostAndUsage").withRequestBody(matchingJsonPath("$.NextPageToken", equalTo("monthly-page-2")))
                .willReturn(ok(monthly(months.subList(3, 6), null))));
        server.stubFor(ce("GetCostAndUsage").withRequestBody(matchingJsonPath("$.Granularity", equalTo("DAILY")))
                .willReturn(ok(daily())));
        server.stubFor(ce("GetCostAndUsage").withRequestBody(matchingJsonPath("$.GroupBy[0].Key", equalTo("launchpad:team")))
                .willReturn(ok(organisation(months))));
        server.stubFor(ce("GetCostForecast").willReturn(ok("{\"Total\": {\"Amount\": \"12.0\", \"Unit\": \"USD\"},"
                + " \"ForecastResultsByTime\": []}")));
        server.stubFor(budgets("DescribeBudgets").withRequestBody(notContaining("NextToken"))
                .willReturn(ok("{\"Budgets\": [" + budget("order-service-dev-monthly", "50.0", "3.1", "20.0")
                        + ", " + budget("shared-vpc", "10.0", "1.0", "2.0") + "], \"NextToken\": \"budgets-page-2\"}")));
        server.stubFor(budgets("DescribeBudgets").withRequestBody(matchingJsonPath("$.NextToken", equalTo("budgets-page-2")))
                .willReturn(ok("{\"Budgets\": [" + budget("order-service-prod-monthly", "100.0", "40.5", "120.0") + "]}")));
    }

    /** Every call fails the way Cost Explorer refuses a caller without permission. */
    void refuseEverything() {
        server.resetAll();
        String denied = "{\"__type\": \"AccessDeniedException\", \"Message\": \"User is not authorized to perform ce:GetCostAndUsage\"}";
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", JSON_1_1).withBody(denied)));
    }

    int requests(String target) {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)).build()).getCount();
    }

    int requests() {
        return server.getAllServeEvents().size();
    }

    RequestPatternBuilder sent(String target) {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .withHeader("Content-Type", containing(JSON_1_1));
    }

    static MappingBuilder ce(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(CE + operation));
    }

    static MappingBuilder budgets(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(BUDGETS + operation));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_1_1).withBody(body);
    }

    List<LocalDate> months() {
        List<LocalDate> months = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            months.add(today.withDayOfMonth(1).minusMonths(i));
        }
        return months;
    }

    private String monthly(List<LocalDate> months, String nextPageToken) {
        List<String> results = new ArrayList<>();
        for (LocalDate month : months) {
            boolean current = month.equals(today.withDayOfMonth(1));
            results.add(result(month, current ? today : month.plusMonths(1), current, List.of(
                    group(current ? "4.0" : "10.0", "launchpad:service$order-service", "launchpad:feature$"),
                    group(current ? "1.0" : "5.0", "launchpad:service$order-service", "launchpad:feature$kinesis"),
                    group(current ? "0.5" : "2.5", "launchpad:service$billing-api", "launchpad:feature$"))));
        }
        return "{\"GroupDefinitions\": [{\"Type\": \"TAG\", \"Key\": \"launchpad:service\"}, {\"Type\": \"TAG\", \"Key\": \"launchpad:feature\"}],"
                + " \"ResultsByTime\": [" + String.join(", ", results) + "]"
                + (nextPageToken == null ? "" : ", \"NextPageToken\": \"" + nextPageToken + "\"") + "}";
    }

    private String daily() {
        List<String> results = new ArrayList<>();
        for (LocalDate d = today.minusDays(30); d.isBefore(today); d = d.plusDays(1)) {
            boolean lastWeek = !d.isBefore(today.minusDays(7));
            results.add(result(d, d.plusDays(1), true, List.of(group(lastWeek ? "0.8" : "0.5", "launchpad:service$order-service"),
                    group("0.1", "launchpad:service$billing-api"))));
        }
        return "{\"ResultsByTime\": [" + String.join(", ", results) + "]}";
    }

    private String organisation(List<LocalDate> months) {
        List<String> results = new ArrayList<>();
        for (LocalDate month : months) {
            boolean current = month.equals(today.withDayOfMonth(1));
            results.add(result(month, current ? today : month.plusMonths(1), current, List.of(
                    group(current ? "5.5" : "17.5", "launchpad:team$payments"), group("3.0", "launchpad:team$"))));
        }
        return "{\"ResultsByTime\": [" + String.join(", ", results) + "]}";
    }

    private static String result(LocalDate start, LocalDate end, boolean estimated, List<String> groups) {
        return "{\"TimePeriod\": {\"Start\": \"" + start + "\", \"End\": \"" + end + "\"}, \"Total\": {}, \"Groups\": ["
                + String.join(", ", groups) + "], \"Estimated\": " + estimated + "}";
    }

    private static String group(String usd, String... keys) {
        return "{\"Keys\": [\"" + String.join("\", \"", keys) + "\"], \"Metrics\": {\"UnblendedCost\": {\"Amount\": \""
                + usd + "\", \"Unit\": \"USD\"}}}";
    }

    private static String budget(String name, String limit, String actual, String forecast) {
        return "{\"BudgetName\": \"" + name + "\", \"BudgetLimit\": {\"Amount\": \"" + limit + "\", \"Unit\": \"USD\"},"
                + " \"TimeUnit\": \"MONTHLY\", \"BudgetType\": \"COST\", \"CalculatedSpend\": {"
                + "\"ActualSpend\": {\"Amount\": \"" + actual + "\", \"Unit\": \"USD\"},"
                + " \"ForecastedSpend\": {\"Amount\": \"" + forecast + "\", \"Unit\": \"USD\"}}}";
    }

    @Override
    public void close() {
        server.stop();
    }
}
