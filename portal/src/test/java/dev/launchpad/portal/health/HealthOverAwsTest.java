package dev.launchpad.portal.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.aws.AwsStub;
import dev.launchpad.portal.web.ErrorMapping;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health pages and API of a real portal reading a stubbed AWS through the real SDK clients. */
class HealthOverAwsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CORE_FUNCTIONS = List.of("health", "users", "orders");
    static final List<String> CORE_TABLES = List.of("users", "orders");

    @TempDir
    static Path data;
    static StubbedPortal aws;

    @BeforeAll
    static void start() {
        aws = StubbedPortal.start(data, Duration.ofMillis(700), Duration.ofSeconds(20));
        // everything on: WAF (so a REST API), Kinesis, Redis, provisioned concurrency ...
        aws.publish(Specs.full("storefront"));
        aws.publish(Specs.minimal("billing-api"));
        aws.publish(Specs.minimal("fanout-api"));
        List<String> kinesis = List.of("order-events-consumer", "order-window-aggregator");
        List<String> functions = new ArrayList<>(CORE_FUNCTIONS);
        functions.addAll(kinesis);
        aws.stub.resources("storefront", "prod", StubbedPortal.stack("storefront", "prod", functions,
                List.of("users", "orders", "processed-order-events"),
                "arn:aws:apigateway:eu-west-1::/restapis/r3st1d",
                "arn:aws:apigateway:eu-west-1::/restapis/r3st1d/stages/prod",
                "arn:aws:kinesis:eu-west-1:111122223333:stream/storefront-prod-order-events",
                "arn:aws:kinesis:eu-west-1:111122223333:stream/storefront-prod-user-activity",
                "arn:aws:sqs:eu-west-1:111122223333:storefront-prod-order-events-consumer-dlq",
                "arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:storefront-prod-cache",
                "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/storefront-prod-waf/42"));
        aws.stub.resources("billing-api", "prod", StubbedPortal.stack("billing-api", "prod", CORE_FUNCTIONS, CORE_TABLES,
                StubbedPortal.httpApi("b1ll1ng")));
        List<String> many = IntStream.range(0, 90).mapToObj(i -> "worker-" + i).toList();
        aws.stub.resources("fanout-api", "prod", StubbedPortal.stack("fanout-api", "prod", many, CORE_TABLES,
                StubbedPortal.httpApi("f4n0ut")));
        Instant since = Instant.parse("2026-11-20T08:00:00Z");
        aws.stub.alarm("billing-api-prod-api-5xx", "ALARM", "Threshold Crossed: 12 5XX responses", since)
                .alarm("billing-api-prod-users-errors", "OK", "fine", since)
                .alarm("fanout-api-prod-users-errors", "INSUFFICIENT_DATA", "Insufficient Data", since)
                .alarm("storefront-prod-orders-errors", "OK", "fine", since)
                .compositeAlarm("storefront-prod-overall", "OK", "all children OK", since)
                .alarm("storefront-dev-orders-errors", "ALARM", "dev is not watched", since)
                .alarm("someone-else-prod-x", "ALARM", "not a Launchpad stack", since);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @BeforeEach
    void freshBuckets() {
        aws.nextHour();
    }

    @Test
    void theDashboardChartsWhatTheTagsFindForTheFeaturesTheServiceHas() {
        JsonNode metrics = aws.settled("/api/v1/services/storefront/metrics?range=1h");

        assertThat(metrics.get("source").asText()).isEqualTo("aws");
        assertThat(metrics.get("environment").asText()).isEqualTo("prod");
        assertThat(metrics.get("account").asText()).isEqualTo("111122223333");
        assertThat(metrics.get("periodSeconds").asInt()).isEqualTo(60);
        assertThat(metrics.get("timestamps")).hasSize(60);
        assertThat(ids(metrics)).contains("lambda-invocations", "lambda-error-rate", "lambda-duration-p50", "lambda-duration-p99",
                "lambda-throttles", "lambda-concurrency", "lambda-provisioned-utilisation", "api-requests", "api-errors",
                "api-latency-p99", "dynamodb-capacity", "dynamodb-throttles", "dynamodb-system-errors", "kinesis-incoming",
                "kinesis-iterator-age", "kinesis-throughput-exceeded", "dlq-depth", "cache-cpu", "cache-evictions",
                "cache-connections", "cache-hit-rate", "waf-requests", "business-events");
        assertThat(metrics.get("charts")).allSatisfy(c -> {
            assertThat(c.get("fresh").asBoolean()).isTrue();
            assertThat(c.get("readAt").asText()).isEqualTo(aws.clock.instant().toString());
            assertThat(c.get("unitText").asText()).isNotBlank();
        });
        assertThat(chart(metrics, "lambda-duration-p99").get("unitText").asText()).isEqualTo("ms");
        assertThat(chart(metrics, "lambda-invocations").get("unitText").asText()).isEqualTo("invocations per 1 min");

        List<AwsStub.Query> asked = aws.stub.requests(AwsStub.GET_METRIC_DATA).stream()
                .flatMap(r -> AwsStub.queries(r.form()).stream()).toList();
        // WAF means a REST API: named by the contract, measured by name and stage
        assertThat(asked).anySatisfy(q -> assertThat(q).isEqualTo(new AwsStub.Query(q.id(), "AWS/ApiGateway", "5XXError",
                Map.of("ApiName", "storefront-prod-api", "Stage", "prod"), "Sum", 60)));
        assertThat(asked).anySatisfy(q -> assertThat(q.dimensions()).isEqualTo(
                Map.of("WebACL", "storefront-prod-waf", "Rule", "ALL", "Region", "eu-west-1")));
        assertThat(asked).anySatisfy(q -> assertThat(q.dimensions()).isEqualTo(Map.of("CacheClusterId", "storefront-prod-cache-002")));
        assertThat(asked).anySatisfy(q -> assertThat(q.dimensions()).isEqualTo(
                Map.of("FunctionName", "storefront-prod-orders", "Resource", "storefront-prod-orders:live")));
        assertThat(asked).anySatisfy(q -> assertThat(q).isEqualTo(new AwsStub.Query(q.id(), "launchpad/storefront", "OrdersCreated",
                Map.of("Service", "storefront-prod"), "Sum", 60)));
        assertThat(asked).noneSatisfy(q -> assertThat(q.metric()).isIn("4xx", "5xx"));
    }

    @Test
    void onlyTheFeaturesAServiceHasGetCharts() {
        JsonNode metrics = aws.settled("/api/v1/services/billing-api/metrics");

        assertThat(ids(metrics)).contains("lambda-invocations", "api-requests", "dynamodb-capacity", "business-events")
                .doesNotContain("kinesis-incoming", "dlq-depth", "cache-cpu", "waf-requests", "lambda-provisioned-utilisation");
        assertThat(metrics.get("range").asText()).isEqualTo("3h");
        assertThat(metrics.get("timestamps")).hasSize(180);
        assertThat(StreamSupport.stream(chart(metrics, "api-errors").get("series").spliterator(), false).map(s -> s.get("label").asText()))
                .containsExactly("4xx", "5xx");
    }

    @Test
    void discoveryReadsEveryPageOfTheTaggingApi() {
        aws.stub.resourcesPerPage(40);
        try {
            JsonNode metrics = aws.settled("/api/v1/services/fanout-api/metrics?range=12h");

            assertThat(aws.stub.count(AwsStub.GET_RESOURCES)).isEqualTo(3);
            assertThat(chart(metrics, "lambda-invocations").get("series")).hasSize(90);
        } finally {
            aws.stub.resourcesPerPage(100);
        }
    }

    @Test
    void aPageOfMoreThanFiveHundredQueriesIsReadInAsFewCallsAsTheLimitAllows() {
        JsonNode metrics = aws.settled("/api/v1/services/fanout-api/metrics?range=1d");

        int queries = metrics.get("queries").asInt();
        assertThat(queries).isEqualTo(90 * 6 + 4 + 2 * 8 + 3);
        assertThat(aws.stub.requests(AwsStub.GET_METRIC_DATA)).extracting(AwsStub.Request::queryCount)
                .containsExactlyInAnyOrder(500, queries - 500);
        assertThat(metrics.get("charts")).allSatisfy(c -> assertThat(c.get("fresh").asBoolean()).isTrue());
    }

    @Test
    void getMetricDataPagesAreFollowedAndJoined() {
        aws.stub.pointsPerPage(50);
        try {
            JsonNode metrics = aws.settled("/api/v1/services/billing-api/metrics?range=3h");

            assertThat(aws.stub.requests(AwsStub.GET_METRIC_DATA)).extracting(r -> r.form().get("NextToken"))
                    .containsExactly(null, "1", "2", "3");
            JsonNode values = chart(metrics, "lambda-invocations").get("series").get(0).get("values");
            assertThat(values).hasSize(180).allSatisfy(v -> assertThat(v.isNull()).isFalse());
        } finally {
            aws.stub.pointsPerPage(Integer.MAX_VALUE);
        }
    }

    @Test
    void concurrentViewersOfADashboardCauseOneReadOfAws() throws Exception {
        // The SDK's first call in a JVM takes longer than a page waits; another service's dashboard makes it.
        aws.settled("/api/v1/services/storefront/metrics?range=1h");
        aws.stub.failNext(AwsStub.GET_METRIC_DATA, 1, new AwsStub.Fault.Delay(400));
        ExecutorService viewers = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> views = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            views.add(viewers.submit(() -> aws.portal.get("/api/v1/services/billing-api/metrics?range=1h")));
        }
        for (Future<HttpResponse<String>> view : views) {
            assertThat(view.get().statusCode()).isEqualTo(200);
        }
        viewers.shutdown();
        aws.settled("/api/v1/services/billing-api/metrics?range=1h");

        // counted for this service only: the warm-up's reads may still be landing
        assertThat(readsOf("billing-api", AwsStub.GET_METRIC_DATA)).isEqualTo(1);
        assertThat(readsOf("billing-api", AwsStub.GET_RESOURCES)).isEqualTo(1);
        assertThat(aws.portal.get("/services/billing-api/health?range=1h").statusCode()).isEqualTo(200);
        assertThat(readsOf("billing-api", AwsStub.GET_METRIC_DATA)).isEqualTo(1);
    }

    private static long readsOf(String service, String action) {
        return aws.stub.requests(action).stream()
                .filter(r -> r.form().values().stream().anyMatch(v -> v.contains(service))
                        || r.body() != null && r.body().contains(service))
                .count();
    }

    @Test
    void aThrottledReadIsRetriedAndTheDataIsFresh() {
        aws.stub.failNext(AwsStub.GET_METRIC_DATA, 1, new AwsStub.Fault.Throttle());
        aws.stub.failNext(AwsStub.DESCRIBE_ALARMS, 1, new AwsStub.Fault.Throttle());

        JsonNode metrics = aws.settled("/api/v1/services/billing-api/metrics?range=1h");
        JsonNode health = aws.settled("/api/v1/services/billing-api/health");

        assertThat(aws.stub.count(AwsStub.GET_METRIC_DATA)).isEqualTo(2);
        assertThat(aws.stub.count(AwsStub.DESCRIBE_ALARMS)).isEqualTo(2);
        assertThat(metrics.get("fresh").asBoolean()).isTrue();
        assertThat(health.get("state").asText()).isEqualTo("ALARM");
        assertThat(health.get("fresh").asBoolean()).isTrue();
    }

    @Test
    void serverErrorsServeTheLastGoodDataWithItsAgeAndNeverAnErrorPage() {
        JsonNode good = aws.settled("/api/v1/services/billing-api/metrics?range=1h");
        Instant readAt = aws.clock.instant();
        aws.settled("/api/v1/services/billing-api/health");
        aws.clock.advance(Duration.ofMinutes(5));
        aws.stub.failAlways(AwsStub.GET_METRIC_DATA, new AwsStub.Fault.ServerError());
        aws.stub.failAlways(AwsStub.DESCRIBE_ALARMS, new AwsStub.Fault.ServerError());

        JsonNode stale = aws.failed("/api/v1/services/billing-api/metrics?range=1h");
        JsonNode health = aws.failed("/api/v1/services/billing-api/health");
        HttpResponse<String> page = aws.portal.get("/services/billing-api/health?range=1h");
        HttpResponse<String> board = aws.portal.get("/teams/payments/health");

        assertThat(stale.get("fresh").asBoolean()).isFalse();
        assertThat(stale.get("ageSeconds").asLong()).isEqualTo(300);
        assertThat(stale.get("readAt").asText()).isEqualTo(readAt.toString());
        assertThat(stale.get("problem").asText()).isEqualTo("AWS failed with HTTP 500 (InternalFailure)");
        // the old datapoints on the current time axis: five minutes on, the last five are not there
        JsonNode was = chart(good, "lambda-invocations").get("series").get(0).get("values");
        JsonNode now = chart(stale, "lambda-invocations").get("series").get(0).get("values");
        for (int i = 0; i < 55; i++) {
            assertThat(now.get(i)).isEqualTo(was.get(i + 5));
        }
        assertThat(now.get(55).isNull()).isTrue();
        assertThat(health.get("state").asText()).isEqualTo("ALARM");
        assertThat(health.get("ageSeconds").asLong()).isEqualTo(300);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("5 min ago").contains("could not be refreshed: AWS failed with HTTP 500 (InternalFailure)")
                .contains("billing-api-prod-api-5xx");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("stale");
        // one good call, then three attempts at the failing one; then AWS is left alone for a while, not asked on every view
        int calls = aws.stub.count(AwsStub.GET_METRIC_DATA);
        assertThat(calls).isEqualTo(1 + 3);
        aws.portal.get("/services/billing-api/health?range=1h");
        assertThat(aws.stub.count(AwsStub.GET_METRIC_DATA)).isEqualTo(calls);
    }

    @Test
    void withNoResourcesEverFoundAnAwsFailureIsStillAPageThatSaysSo() {
        aws.stub.failAlways(AwsStub.GET_RESOURCES, new AwsStub.Fault.ServerError());
        aws.stub.failAlways(AwsStub.DESCRIBE_ALARMS, new AwsStub.Fault.ServerError());

        JsonNode metrics = aws.until("/api/v1/services/fanout-api/metrics?env=prod&range=7d",
                j -> j.get("notes").path(0).asText().contains("AWS failed"));
        aws.failed("/api/v1/services/fanout-api/health");
        HttpResponse<String> page = aws.portal.get("/services/fanout-api/health?env=prod&range=7d");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The stack's resources could not be found yet: AWS failed with HTTP 500 (InternalServiceException)")
                .doesNotContain("data-chart=");
        assertThat(metrics.get("charts")).isEmpty();
        assertThat(metrics.get("notes").get(0).asText()).contains("could not be found yet").contains("AWS failed with HTTP 500");
    }

    @Test
    void theTeamBoardListsTheServiceInAlarmFirstThenInsufficientDataThenOk() {
        JsonNode team = aws.settled("/api/v1/teams/payments/health");
        String page = aws.portal.get("/teams/payments/health").body();

        assertThat(team.get("state").asText()).isEqualTo("ALARM");
        assertThat(team.get("services")).extracting(s -> s.get("service").asText() + "=" + s.get("state").asText())
                .containsExactly("billing-api=ALARM", "fanout-api=INSUFFICIENT_DATA", "storefront=OK");
        assertThat(page.indexOf("data-service=\"billing-api\"")).isLessThan(page.indexOf("data-service=\"fanout-api\""));
        assertThat(page.indexOf("data-service=\"fanout-api\"")).isLessThan(page.indexOf("data-service=\"storefront\""));
        JsonNode storefront = team.get("services").get(2);
        JsonNode prod = StreamSupport.stream(storefront.get("environments").spliterator(), false)
                .filter(e -> e.get("environment").asText().equals("prod")).findFirst().orElseThrow();
        assertThat(prod.get("alarms")).extracting(a -> a.get("name").asText() + "/" + a.get("type").asText())
                .containsExactly("storefront-prod-orders-errors/metric", "storefront-prod-overall/composite");
        assertThat(StreamSupport.stream(storefront.get("environments").spliterator(), false)
                .filter(e -> e.get("environment").asText().equals("dev")).findFirst().orElseThrow().get("watched").asBoolean()).isFalse();
    }

    @Test
    void oneAlarmSweepPerAccountAndRegionServesEveryBoard() {
        aws.json("/api/v1/health");
        aws.json("/api/v1/teams/payments/health");
        aws.json("/api/v1/services/billing-api/health");
        aws.portal.get("/services");

        assertThat(aws.stub.count(AwsStub.DESCRIBE_ALARMS)).isEqualTo(1);
        assertThat(aws.stub.requests(AwsStub.DESCRIBE_ALARMS).getFirst().form()).doesNotContainKey("AlarmNamePrefix");
    }

    @Test
    void theCatalogShowsEachServicesHealthBadge() {
        aws.settled("/api/v1/teams/payments/health");
        String catalog = aws.portal.get("/services").body();

        assertThat(catalog).containsPattern("class=\"health health-alarm\" href=\"/services/billing-api/health\"[^>]*data-health=\"billing-api\"");
        assertThat(catalog).containsPattern("class=\"health health-ok\" href=\"/services/storefront/health\"");
        assertThat(catalog).doesNotContain("demo data");
    }

    @Test
    void theServicePageShowsEveryAlarmWithStateReasonAndSinceAndAChartForEachMetric() {
        aws.settled("/api/v1/services/storefront/health");
        aws.settled("/api/v1/services/storefront/metrics?range=12h");
        String page = aws.portal.get("/services/storefront/health?range=12h").body();

        assertThat(page).contains("data-alarm=\"storefront-prod-orders-errors\"").contains("data-alarm=\"storefront-prod-overall\"")
                .contains("composite").contains("all children OK").contains("datetime=\"2026-11-20T08:00:00Z\"");
        assertThat(page).doesNotContain("storefront-dev-orders-errors").doesNotContain("someone-else");
        assertThat(page).contains("data-chart=\"waf-requests\"").contains("data-chart=\"cache-hit-rate\"")
                .contains("invocations per 5 min").contains("Read at <time");
        assertThat(page).contains("data-metrics-url=\"/api/v1/services/storefront/metrics?env=prod&amp;range=12h\"");
        assertThat(page.replaceAll("<script src=\"[^\"]+\" defer></script>", "")).doesNotContain("<script");
        assertThat(page).doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("style=").doesNotContain("demo data");
    }

    @Test
    void badRequestsAreProblemDocuments() {
        HttpResponse<String> range = aws.portal.get("/api/v1/services/billing-api/metrics?range=2w");
        HttpResponse<String> env = aws.portal.get("/api/v1/services/billing-api/metrics?env=qa");
        HttpResponse<String> service = aws.portal.get("/api/v1/services/nope/health");
        HttpResponse<String> team = aws.portal.get("/api/v1/teams/nope/health");

        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(range.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(ErrorMapping.PROBLEM_JSON));
        assertThat(range.body()).contains("urn:launchpad:problem:invalid-range").contains("1h, 3h, 12h, 1d, 7d");
        assertThat(env.statusCode()).isEqualTo(400);
        assertThat(env.body()).contains("unknown-environment").contains("dev, prod");
        assertThat(service.statusCode()).isEqualTo(404);
        assertThat(team.statusCode()).isEqualTo(404);
        assertThat(aws.portal.get("/services/billing-api/health?range=2w").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnwatchedEnvironmentSaysSoInsteadOfCallingAws() {
        JsonNode metrics = aws.json("/api/v1/services/billing-api/metrics?env=dev");

        assertThat(metrics.has("account")).isFalse();
        assertThat(metrics.get("notes").get(0).asText()).contains("not watched");
        assertThat(aws.stub.count(AwsStub.GET_METRIC_DATA)).isZero();
        assertThat(aws.portal.get("/services/billing-api/health?env=dev").body()).contains("no AWS account is configured for environment dev");
    }

    private static List<String> ids(JsonNode metrics) {
        return StreamSupport.stream(metrics.get("charts").spliterator(), false).map(c -> c.get("id").asText()).toList();
    }

    private static JsonNode chart(JsonNode metrics, String id) {
        return StreamSupport.stream(metrics.get("charts").spliterator(), false).filter(c -> c.get("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no chart " + id + " in " + ids(metrics)));
    }

    static JsonNode parse(String body) throws Exception {
        return JSON.readTree(body);
    }
}
