package dev.launchpad.portal.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.launchpad.portal.health.Alarm;
import dev.launchpad.portal.health.AlarmState;
import dev.launchpad.portal.health.MetricQuery;
import dev.launchpad.portal.health.Range;
import dev.launchpad.portal.health.Resource;
import dev.launchpad.portal.health.Resource.Kind;
import dev.launchpad.portal.health.Stack;
import dev.launchpad.portal.health.Target;
import dev.launchpad.portal.health.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/** The real SDK clients against a local stub of CloudWatch and the tagging API. */
class AwsHealthSourceTest {

    static final StaticCredentialsProvider FAKE = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret"));
    static final Target PROD = new Target("111122223333", "eu-west-1");
    static final Range.Window HOUR = Range.H1.window(Range.H1.bucket(Instant.parse("2026-11-27T12:00:30Z")));

    AwsStub stub;
    AwsHealthSource source;

    @BeforeEach
    void start() {
        stub = AwsStub.start();
        // generous: the 2.40.2 client parses a 500-query XML answer slowly on a busy machine
        source = source(Duration.ofSeconds(60));
    }

    AwsHealthSource source(Duration timeout) {
        List<String> problems = new ArrayList<>();
        AwsSettings settings = AwsSettings.parse("prod=111122223333:eu-west-1", null, stub.endpoint().toString(),
                Long.toString(timeout.toMillis()), problems);
        assertThat(problems).isEmpty();
        return new AwsHealthSource(settings, FAKE);
    }

    @AfterEach
    void stop() {
        source.close();
        stub.close();
    }

    @Test
    void cloudWatchIsSpokenToInTheQueryProtocolAndTaggingInJson11() {
        source.alarms(PROD, "orders-prod-");
        source.discover(PROD, new Stack("orders", "prod"));

        AwsStub.Request alarms = stub.requests(AwsStub.DESCRIBE_ALARMS).getFirst();
        assertThat(alarms.contentType()).isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
        assertThat(alarms.target()).isNull();
        assertThat(alarms.form()).containsEntry("Action", "DescribeAlarms").containsEntry("Version", "2010-08-01")
                .containsEntry("AlarmNamePrefix", "orders-prod-").containsEntry("AlarmTypes.member.1", "MetricAlarm")
                .containsEntry("AlarmTypes.member.2", "CompositeAlarm").containsEntry("MaxRecords", "100");
        AwsStub.Request tagging = stub.requests(AwsStub.GET_RESOURCES).getFirst();
        assertThat(tagging.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(tagging.target()).isEqualTo("ResourceGroupsTaggingAPI_20170126.GetResources");
        assertThat(tagging.body()).contains("{\"Key\":\"launchpad:service\",\"Values\":[\"orders\"]}")
                .contains("{\"Key\":\"launchpad:environment\",\"Values\":[\"prod\"]}");
    }

    @Test
    void aTargetWithARoleReadsWithTheCredentialsOfThatRole() {
        source.close();
        source = new AwsHealthSource(AwsSettings.parse("prod=111122223333:eu-west-1:arn:aws:iam::111122223333:role/launchpad-read",
                null, stub.endpoint().toString(), "60000", new ArrayList<>()), FAKE);

        source.alarms(PROD, "orders-prod-");
        source.alarms(PROD, "orders-prod-");

        AwsStub.Request assume = stub.requests(AwsStub.ASSUME_ROLE).getFirst();
        assertThat(stub.count(AwsStub.ASSUME_ROLE)).isEqualTo(1);
        assertThat(assume.form()).containsEntry("RoleArn", "arn:aws:iam::111122223333:role/launchpad-read")
                .containsEntry("RoleSessionName", "launchpad-portal").containsEntry("Version", "2011-06-15");
        assertThat(assume.authorization()).contains("Credential=AKIDEXAMPLE/");
        assertThat(stub.requests(AwsStub.DESCRIBE_ALARMS)).allSatisfy(r ->
                assertThat(r.authorization()).contains("Credential=" + AwsStub.ASSUMED_ACCESS_KEY + "/"));
    }

    @Test
    void discoveryFollowsThePaginationTokenAndKeepsWhatHasCharts() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            arns.add("arn:aws:lambda:eu-west-1:111122223333:function:orders-prod-f" + i);
            arns.add("arn:aws:kms:eu-west-1:111122223333:key/k" + i);
        }
        arns.add("arn:aws:apigateway:eu-west-1::/apis/a1b2c3");
        arns.add("arn:aws:apigateway:eu-west-1::/apis/a1b2c3/stages/$default");
        arns.add("arn:aws:dynamodb:eu-west-1:111122223333:table/orders-prod-users");
        arns.add("arn:aws:dynamodb:eu-west-1:111122223333:table/orders-prod-users/stream/2026");
        arns.add("arn:aws:sqs:eu-west-1:111122223333:orders-prod-order-events-consumer-dlq");
        arns.add("arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:orders-prod-cache");
        arns.add("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/orders-prod-waf/1234");
        arns.add("arn:aws:wafv2:eu-west-1:111122223333:regional/ipset/orders-prod-allowed-ips/1234");
        stub.resources("orders", "prod", arns);

        List<Resource> found = source.discover(PROD, new Stack("orders", "prod"));

        assertThat(stub.count(AwsStub.GET_RESOURCES)).isEqualTo(3);
        assertThat(stub.requests(AwsStub.GET_RESOURCES).get(1).body()).contains("\"PaginationToken\":\"100\"");
        assertThat(found.stream().filter(r -> r.kind() == Kind.FUNCTION)).hasSize(120);
        assertThat(found).contains(
                new Resource(Kind.HTTP_API, "a1b2c3", "arn:aws:apigateway:eu-west-1::/apis/a1b2c3"),
                new Resource(Kind.TABLE, "orders-prod-users", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders-prod-users"),
                new Resource(Kind.QUEUE, "orders-prod-order-events-consumer-dlq", "arn:aws:sqs:eu-west-1:111122223333:orders-prod-order-events-consumer-dlq"),
                new Resource(Kind.CACHE_GROUP, "orders-prod-cache", "arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:orders-prod-cache"),
                new Resource(Kind.WEB_ACL, "orders-prod-waf", "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/orders-prod-waf/1234"));
        assertThat(found).hasSize(125);
    }

    @Test
    void alarmsAreReadPageByPageMetricAndComposite() {
        Instant since = Instant.parse("2026-11-27T10:00:00Z");
        for (int i = 0; i < 230; i++) {
            stub.alarm(String.format("orders-prod-a%03d", i), i == 7 ? "ALARM" : "OK", "reason " + i, since);
        }
        stub.compositeAlarm("orders-prod-overall", "INSUFFICIENT_DATA", "no data", since);
        stub.alarm("other-prod-x", "ALARM", "not ours", since);

        List<Alarm> alarms = source.alarms(PROD, "orders-prod-");

        assertThat(alarms).hasSize(231);
        assertThat(stub.count(AwsStub.DESCRIBE_ALARMS)).isEqualTo(3);
        assertThat(stub.requests(AwsStub.DESCRIBE_ALARMS).get(2).form()).containsEntry("NextToken", "200");
        assertThat(alarms).contains(new Alarm("orders-prod-a007", false, AlarmState.ALARM, "reason 7", since, "stub alarm orders-prod-a007"));
        assertThat(alarms).filteredOn(Alarm::composite).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA));
    }

    @Test
    void queriesArePackedFiveHundredToACall() {
        List<MetricQuery> queries = new ArrayList<>();
        for (int i = 0; i < 1201; i++) {
            queries.add(MetricQuery.of("AWS/Lambda", "Invocations", "Sum", Map.of("FunctionName", "f" + i)));
        }

        Map<MetricQuery, TimeSeries> got = source.metrics(PROD, queries, HOUR);

        assertThat(stub.requests(AwsStub.GET_METRIC_DATA)).extracting(AwsStub.Request::queryCount).containsExactly(500, 500, 201);
        assertThat(got).hasSize(1201);
        assertThat(got.values()).allSatisfy(s -> assertThat(s.size()).isEqualTo(60));
        AwsStub.Request first = stub.requests(AwsStub.GET_METRIC_DATA).getFirst();
        assertThat(first.form()).containsEntry("Action", "GetMetricData").containsEntry("StartTime", "2026-11-27T11:00:00Z")
                .containsEntry("EndTime", "2026-11-27T12:00:00Z").containsEntry("ScanBy", "TimestampAscending");
        assertThat(AwsStub.queries(first.form()).getFirst()).isEqualTo(
                new AwsStub.Query("q0", "AWS/Lambda", "Invocations", Map.of("FunctionName", "f0"), "Sum", 60));
    }

    @Test
    void getMetricDataFollowsNextTokenAndJoinsThePages() {
        stub.pointsPerPage(25).metric((q, t) -> t % 3600);
        MetricQuery q = MetricQuery.of("AWS/Lambda", "Duration", "p99", Map.of("FunctionName", "f"));

        TimeSeries series = source.metrics(PROD, List.of(q), HOUR).get(q);

        assertThat(stub.requests(AwsStub.GET_METRIC_DATA)).extracting(r -> r.form().get("NextToken")).containsExactly(null, "1", "2");
        assertThat(series.size()).isEqualTo(60);
        assertThat(series.epochSeconds()[0]).isEqualTo(HOUR.start().getEpochSecond());
        assertThat(series.epochSeconds()[59]).isEqualTo(HOUR.end().getEpochSecond() - 60);
        assertThat(series.values()[59]).isEqualTo(3540.0);
    }

    @Test
    void aThrottledCallIsRetriedAndThenAnswers() {
        stub.failNext(AwsStub.GET_METRIC_DATA, 1, new AwsStub.Fault.Throttle());
        stub.failNext(AwsStub.GET_RESOURCES, 1, new AwsStub.Fault.Throttle());
        stub.resources("orders", "prod", List.of("arn:aws:lambda:eu-west-1:111122223333:function:orders-prod-users"));
        MetricQuery q = MetricQuery.of("AWS/Lambda", "Errors", "Sum", Map.of("FunctionName", "f"));

        assertThat(source.metrics(PROD, List.of(q), HOUR)).containsKey(q);
        assertThat(source.discover(PROD, new Stack("orders", "prod"))).hasSize(1);

        assertThat(stub.count(AwsStub.GET_METRIC_DATA)).isEqualTo(2);
        assertThat(stub.count(AwsStub.GET_RESOURCES)).isEqualTo(2);
    }

    @Test
    void aServerErrorThatLastsFailsAfterTheRetriesAndSaysWhat() {
        stub.failAlways(AwsStub.DESCRIBE_ALARMS, new AwsStub.Fault.ServerError());

        assertThatThrownBy(() -> source.alarms(PROD, "orders-prod-"))
                .isInstanceOf(SdkException.class)
                .satisfies(e -> assertThat(source.describe(e)).isEqualTo("AWS failed with HTTP 500 (InternalFailure)"));
        assertThat(stub.count(AwsStub.DESCRIBE_ALARMS)).isEqualTo(3);
    }

    @Test
    void aThrottleThatLastsIsDescribedAsThrottling() {
        stub.failAlways(AwsStub.GET_METRIC_DATA, new AwsStub.Fault.Throttle());
        MetricQuery q = MetricQuery.of("AWS/Lambda", "Errors", "Sum", Map.of("FunctionName", "f"));

        assertThatThrownBy(() -> source.metrics(PROD, List.of(q), HOUR))
                .satisfies(e -> assertThat(source.describe(e)).isEqualTo("AWS throttled the request (Throttling)"));
    }

    @Test
    void aCallThatOutlastsTheTimeoutGivesUpWithinIt() {
        source.close();
        source = source(Duration.ofMillis(800));
        stub.failAlways(AwsStub.GET_METRIC_DATA, new AwsStub.Fault.Delay(5_000));
        MetricQuery q = MetricQuery.of("AWS/Lambda", "Errors", "Sum", Map.of("FunctionName", "f"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> source.metrics(PROD, List.of(q), HOUR))
                .satisfies(e -> assertThat(source.describe(e)).isEqualTo("AWS did not answer within 800 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_000));
    }
}
