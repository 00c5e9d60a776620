package dev.launchpad.blueprint.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Validation;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each feature's formulas against figures worked out by hand, for two option sets each, in us-east-1.
 * Every test uses the same traffic, {@link #TRAFFIC}: 1,000,000 requests of 100 ms, 1 KB items, 10 GB
 * stored, 1 stream record a second, half the requests writing, 1 KB of log per invocation. A month is
 * 730 hours = 2,628,000 s = 30.4167 days; 1 GB = 1,048,576 KB.
 */
class CostFormulasTest {

    static final Blueprint BLUEPRINT = Blueprint.load();
    static final Assumptions TRAFFIC = new Assumptions(1_000_000, 100, 1, 10, 1, 50, 1);
    static final Offset<Double> CENT_FRACTION = within(0.000001);

    static CostEstimate estimate(String features) {
        String json = "{\"name\": \"order-service\", \"team\": \"payments\", \"description\": \"Takes orders\","
                + " \"region\": \"us-east-1\", \"environments\": [\"dev\", \"prod\"], \"features\": " + features + "}";
        Validation validation = BLUEPRINT.validate(json);
        assertThat(validation).as("the spec of the test validates").isInstanceOf(Validation.Valid.class);
        ProjectSpec spec = ((Validation.Valid) validation).spec();
        return BLUEPRINT.costs().estimate(spec, TRAFFIC);
    }

    static FeatureCost feature(CostEstimate estimate, String id) {
        return estimate.features().stream().filter(f -> f.feature().equals(id)).findFirst().orElseThrow();
    }

    static double line(FeatureCost feature, String item) {
        return feature.lines().stream().filter(l -> l.item().equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + item + " in " + feature.lines())).monthlyUsd();
    }

    static double quantity(FeatureCost feature, String item) {
        return feature.lines().stream().filter(l -> l.item().equals(item)).findFirst().orElseThrow().quantity();
    }

    /** Log ingestion at $0.50/GB plus storage of gb × retention ÷ 30.4167 days at $0.03/GB-month. */
    static double logs(double gb, int retentionDays) {
        return gb * 0.50 + gb * retentionDays / (730 / 24.0) * 0.03;
    }

    @Nested
    class Core {

        @Test
        void atDefaultOptions1024MbAnd30DayLogsCosts14_19() {
            FeatureCost core = feature(estimate("{}"), "core");

            assertThat(line(core, "Lambda requests")).isCloseTo(0.20, CENT_FRACTION);           // 1,000,000 × $0.20/1M
            assertThat(quantity(core, "Lambda compute")).isCloseTo(100_000, CENT_FRACTION);    // 1M × 0.1 s × 1 GB
            assertThat(line(core, "Lambda compute")).isCloseTo(1.33334, CENT_FRACTION);       // 100,000 × $0.0000133334
            assertThat(line(core, "API Gateway HTTP API requests")).isCloseTo(1.00, CENT_FRACTION); // 1M × $1.00/1M
            // 500,000 writes, 250,000 a table, 1 WRU each: 250,000 × $0.625/1M = $0.15625
            assertThat(line(core, "DynamoDB writes: users table")).isCloseTo(0.15625, CENT_FRACTION);
            // 500,000 reads, 250,000 a table, 0.5 RRU each: 125,000 × $0.125/1M = $0.015625
            assertThat(line(core, "DynamoDB reads: orders table")).isCloseTo(0.015625, CENT_FRACTION);
            assertThat(line(core, "DynamoDB storage")).isCloseTo(2.50, CENT_FRACTION);        // 10 GB × $0.25
            assertThat(line(core, "DynamoDB point-in-time recovery")).isCloseTo(2.00, CENT_FRACTION); // 10 GB × $0.20
            assertThat(line(core, "KMS key: tables")).isCloseTo(1.00, CENT_FRACTION);
            assertThat(line(core, "KMS requests: tables")).isCloseTo(0.05256, CENT_FRACTION); // 2 × 12 × 730 = 17,520 × $0.03/10k
            // 1M × (1 KB + 0.5 KB access log) = 1.430511 GB: × $0.50 = $0.715256; stored 1.410915 GB-month × $0.03
            assertThat(line(core, "Function and API access logs (ingested)")
                    + line(core, "Function and API access logs (stored)")).isCloseTo(logs(1_500_000 / 1_048_576.0, 30), CENT_FRACTION);
            assertThat(line(core, "X-Ray traces")).isCloseTo(5.00, CENT_FRACTION);           // 1M < 2,628,000 reservoir: all, × $5/1M
            assertThat(core.monthlyUsd()).isCloseTo(14.187233, within(0.000001));
        }

        @Test
        void with2048MbAnd365DayLogsComputeDoublesAndLogStorageGrowsTo15_99() {
            FeatureCost core = feature(estimate("{\"core\": {\"memoryMb\": 2048, \"logRetentionDays\": \"365\"}}"), "core");

            assertThat(line(core, "Lambda compute")).isCloseTo(2.66668, CENT_FRACTION);       // 1M × 0.1 s × 2 GB = 200,000 GB-s
            // 1.430511 GB × 365 ÷ 30.4167 = 17.1662 GB-month stored × $0.03 = $0.514984
            assertThat(line(core, "Function and API access logs (stored)"))
                    .isCloseTo(1_500_000 / 1_048_576.0 * 365 / (730 / 24.0) * 0.03, CENT_FRACTION);
            assertThat(core.monthlyUsd()).isCloseTo(15.993230, within(0.000001));
        }
    }

    @Nested
    class Monitoring {

        @Test
        void twelveAlarmsThreeDashboardsAndAKeyCost11_20() {
            FeatureCost monitoring = feature(estimate("{\"monitoring\": {}}"), "monitoring");

            // 3 functions × 2 + API 2 + 2 tables × 2 = 12 alarms × $0.10 = $1.20
            assertThat(quantity(monitoring, "CloudWatch alarms")).isEqualTo(12);
            assertThat(line(monitoring, "CloudWatch alarms")).isCloseTo(1.20, CENT_FRACTION);
            assertThat(line(monitoring, "CloudWatch dashboards")).isCloseTo(9.00, CENT_FRACTION); // 3 × $3.00
            assertThat(monitoring.monthlyUsd()).isCloseTo(11.20, CENT_FRACTION);                 // 1.20 + 9.00 + 1.00 key
        }

        @Test
        void thresholdsAndAnAlertEmailDoNotChangeTheCost11_20() {
            FeatureCost monitoring = feature(estimate("{\"monitoring\": {\"alertEmail\": \"oncall@example.com\","
                    + " \"lambdaErrorThreshold\": 50, \"apiLatencyThresholdMs\": 900}}"), "monitoring");

            assertThat(monitoring.monthlyUsd()).isCloseTo(11.20, CENT_FRACTION);
        }
    }

    @Nested
    class Budgets {

        @Test
        void oneBudgetIs30_4167DaysAt2CentsSo0_61() {
            FeatureCost budgets = feature(estimate("{\"monitoring\": {}, \"budgets\": {}}"), "budgets");

            assertThat(budgets.monthlyUsd()).isCloseTo(730 / 24.0 * 0.02, CENT_FRACTION);   // $0.608333
        }

        @Test
        void aHigherLimitCostsTheSame0_61() {
            FeatureCost budgets = feature(estimate("{\"monitoring\": {}, \"budgets\": {\"monthlyLimitUsd\": 5000}}"), "budgets");

            assertThat(budgets.monthlyUsd()).isCloseTo(0.608333, within(0.000001));
        }
    }

    @Nested
    class Waf {

        @Test
        void defaultsAreAWebAclFourRulesRestInsteadOfHttpApiAndLogsSo13_11() {
            FeatureCost waf = feature(estimate("{\"waf\": {}}"), "waf");

            assertThat(line(waf, "WAF web ACL")).isCloseTo(5.00, CENT_FRACTION);
            assertThat(quantity(waf, "WAF rules")).isEqualTo(4);                              // rate limit + 3 managed groups
            assertThat(line(waf, "WAF requests")).isCloseTo(0.60, CENT_FRACTION);             // 1M × $0.60/1M
            assertThat(line(waf, "API Gateway REST API requests")).isCloseTo(3.50, CENT_FRACTION);
            assertThat(line(waf, "API Gateway HTTP API requests (replaced)")).isCloseTo(-1.00, CENT_FRACTION);
            // 1M × 1% logged × 2 KB = 20,000 KB = 0.019073 GB
            assertThat(line(waf, "WAF request log (ingested)") + line(waf, "WAF request log (stored)"))
                    .isCloseTo(logs(20_000 / 1_048_576.0, 30), CENT_FRACTION);
            // 5 + 4 + 0.60 + 3.50 − 1.00 + 1.00 key + 0.010101 logs
            assertThat(waf.monthlyUsd()).isCloseTo(13.110101, within(0.000001));
        }

        @Test
        void ipAndCountryListsAddThreeRulesLoggingOffAndAnAlarmMake16_20() {
            FeatureCost waf = feature(estimate("{\"monitoring\": {}, \"waf\": {\"logging\": false,"
                    + " \"allowedIpCidrs\": [\"203.0.113.0/24\"], \"blockedIpCidrs\": [\"198.51.100.0/24\"],"
                    + " \"blockedCountries\": [\"KP\"]}}"), "waf");

            assertThat(quantity(waf, "WAF rules")).isEqualTo(7);
            assertThat(waf.lines()).noneMatch(l -> l.item().startsWith("WAF request log"));
            // 5 + 7 + 0.60 + 3.50 − 1.00 + 1.00 key + 0.10 alarm
            assertThat(waf.monthlyUsd()).isCloseTo(16.20, CENT_FRACTION);
        }
    }

    @Nested
    class Kinesis {

        /** 1 record/s × 2,628,000 s = 2,628,000 records of 1 KB = 2.506256 GB; half are order events. */
        static final double GB = 2_628_000 / 1_048_576.0;

        /** One consumer at 1,314,000 invocations: requests $0.2628, compute 131,400 GB-s $1.752009, logs. */
        static double consumer() {
            return 1_314_000 * 0.20 / 1e6 + 1_314_000 * 0.1 * 1 * 0.0000133334 + logs(1_314_000 / 1_048_576.0, 30);
        }

        @Test
        void onDemandDefaultsAreStreamHoursDataTwoConsumersAndShardMetricsSo106_17() {
            FeatureCost kinesis = feature(estimate("{\"kinesis\": {}}"), "kinesis");

            assertThat(line(kinesis, "Kinesis on-demand stream-hours")).isCloseTo(87.60, CENT_FRACTION); // 3 × 730 × $0.04
            assertThat(line(kinesis, "Kinesis data in")).isCloseTo(GB * 0.08, CENT_FRACTION);           // $0.200500
            assertThat(line(kinesis, "Kinesis data out")).isCloseTo(GB * 0.04, CENT_FRACTION);          // $0.100250
            // 1,314,000 events: batches of 100 would be 13,140, 4 shards polled each second allow 10,512,000,
            // so each record is its own invocation
            assertThat(quantity(kinesis, "Lambda requests: order-events-consumer")).isEqualTo(1_314_000);
            assertThat(line(kinesis, "Lambda compute: order-window-aggregator")).isCloseTo(1.75200876, CENT_FRACTION);
            assertThat(line(kinesis, "DynamoDB writes: processed-order-events table")).isCloseTo(0.82125, CENT_FRACTION);
            assertThat(line(kinesis, "KMS requests: streams and queues")).isCloseTo(0.21024, CENT_FRACTION); // 70,080
            assertThat(line(kinesis, "Shard-level metrics")).isCloseTo(10.80, CENT_FRACTION);   // 3 × 3 streams × 4 shards × $0.30
            assertThat(kinesis.monthlyUsd()).isCloseTo(87.60 + GB * 0.12 + 2 * consumer() + 0.82125 + 0.082125 + 1
                    + 0.21024 + 10.80, CENT_FRACTION);
            assertThat(kinesis.monthlyUsd()).isCloseTo(106.171269, within(0.000001));
        }

        @Test
        void twoProvisionedShardsWith48HourRetentionAndAlarmsCost168_31() {
            FeatureCost kinesis = feature(estimate("{\"monitoring\": {}, \"kinesis\": {\"streamMode\": \"PROVISIONED\","
                    + " \"shardCount\": 2, \"retentionHours\": 48, \"batchSize\": 10}}"), "kinesis");

            assertThat(line(kinesis, "Kinesis shard-hours")).isCloseTo(65.70, CENT_FRACTION);   // 3 × 2 × 730 × $0.015
            assertThat(line(kinesis, "Kinesis PUT payload units")).isCloseTo(0.036792, CENT_FRACTION); // 2,628,000 × $0.014/1M
            assertThat(line(kinesis, "Kinesis extended retention")).isCloseTo(87.60, CENT_FRACTION); // 4,380 shard-h × $0.02
            assertThat(line(kinesis, "Shard-level metrics")).isCloseTo(5.40, CENT_FRACTION);    // 3 × 3 × 2 × $0.30
            assertThat(quantity(kinesis, "CloudWatch alarms")).isEqualTo(21);
            assertThat(kinesis.monthlyUsd()).isCloseTo(65.70 + 0.036792 + 87.60 + 2 * consumer() + 0.82125 + 0.082125
                    + 1 + 0.21024 + 5.40 + 2.10, CENT_FRACTION);
            assertThat(kinesis.monthlyUsd()).isCloseTo(168.307310, within(0.000001));
        }
    }

    @Nested
    class DynamoDbStreams {

        @Test
        void halfAMillionChangesFeedOneFunctionAndTwoTablesSo1_62() {
            FeatureCost streams = feature(estimate("{\"dynamodb-streams\": {}}"), "dynamodb-streams");

            assertThat(quantity(streams, "Lambda requests: change-capture")).isEqualTo(500_000); // one per write
            assertThat(line(streams, "DynamoDB writes: event-store table")).isCloseTo(0.3125, CENT_FRACTION);   // 500,000 WRU
            assertThat(line(streams, "DynamoDB writes: order-summary table")).isCloseTo(0.15625, CENT_FRACTION); // 250,000 WRU
            assertThat(line(streams, "DynamoDB reads: order-summary table")).isCloseTo(0.015625, CENT_FRACTION); // 125,000 RRU
            assertThat(line(streams, "DynamoDB storage: event store")).isCloseTo(500_000 / 1_048_576.0 * 0.25, CENT_FRACTION);
            // 0.10 requests + 0.66667 compute + logs 0.252528 + 0.484375 tables + 0.119209 storage
            assertThat(streams.monthlyUsd()).isCloseTo(1.622782, within(0.000001));
        }

        @Test
        void moreRetriesCostNothingButMonitoringAddsTwoAlarmsSo1_82() {
            FeatureCost streams = feature(estimate("{\"monitoring\": {}, \"dynamodb-streams\": {\"maxRetries\": 10,"
                    + " \"batchSize\": 1000}}"), "dynamodb-streams");

            assertThat(streams.monthlyUsd()).isCloseTo(1.622782 + 0.20, within(0.000001));
        }
    }

    @Nested
    class Redis {

        @Test
        void twoSmallValkeyNodesWithTheirSecretAndKeyCost38_78() {
            FeatureCost redis = feature(estimate("{\"vpc-endpoints\": {}, \"redis\": {}}"), "redis");

            assertThat(line(redis, "ElastiCache cache.t4g.small nodes")).isCloseTo(37.376, CENT_FRACTION); // 2 × 730 × $0.0256
            assertThat(redis.monthlyUsd()).isCloseTo(38.776, CENT_FRACTION);                       // + $0.40 secret + $1 key
        }

        @Test
        void oneLargeNodeWithoutMultiAzAndTwoAlarmsCosts129_50() {
            FeatureCost redis = feature(estimate("{\"monitoring\": {}, \"vpc-endpoints\": {}, \"redis\": {\"nodeType\":"
                    + " \"cache.r7g.large\", \"multiAz\": false}}"), "redis");

            assertThat(line(redis, "ElastiCache cache.r7g.large nodes")).isCloseTo(127.896, CENT_FRACTION); // 730 × $0.1752
            assertThat(redis.monthlyUsd()).isCloseTo(129.496, CENT_FRACTION);                      // + 0.40 + 1 + 2 × 0.10
        }
    }

    @Nested
    class ProvisionedConcurrency {

        @Test
        void fiveWarmInstancesOfThreeFunctionsCost131_45() {
            FeatureCost pc = feature(estimate("{\"provisioned-concurrency\": {}}"), "provisioned-concurrency");

            // 3 functions × 5 × 1 GB × 2,628,000 s = 39,420,000 GB-s × $0.0000033334 = $131.402628
            assertThat(quantity(pc, "Provisioned concurrency")).isCloseTo(39_420_000, CENT_FRACTION);
            assertThat(line(pc, "Provisioned concurrency")).isCloseTo(131.402628, CENT_FRACTION);
            // 100,000 GB-s move from $0.0000133334 to $0.0000077778: +0.77778 − 1.33334
            assertThat(line(pc, "Lambda compute on provisioned instances")).isCloseTo(0.77778, CENT_FRACTION);
            assertThat(line(pc, "Lambda compute on demand (replaced)")).isCloseTo(-1.33334, CENT_FRACTION);
            assertThat(line(pc, "Target tracking alarms")).isCloseTo(0.60, CENT_FRACTION);          // 3 policies × 2
            assertThat(pc.monthlyUsd()).isCloseTo(131.447068, within(0.000001));
        }

        @Test
        void oneWarmInstanceWithMonitoringAlarmsCosts26_92() {
            FeatureCost pc = feature(estimate("{\"monitoring\": {}, \"provisioned-concurrency\": {\"min\": 1, \"max\": 10}}"),
                    "provisioned-concurrency");

            // 3 × 1 × 1 GB × 2,628,000 s = 7,884,000 GB-s × $0.0000033334 = $26.280526; + 0.77778 − 1.33334 + 0.60 + 0.60
            assertThat(pc.monthlyUsd()).isCloseTo(26.924966, within(0.000001));
        }
    }

    @Nested
    class SnapStart {

        @Test
        void isFreeForJavaWithPriming() {
            FeatureCost snapstart = feature(estimate("{\"snapstart\": {}}"), "snapstart");

            assertThat(snapstart.monthlyUsd()).isZero();
            assertThat(snapstart.lines()).singleElement().satisfies(l -> assertThat(l.unitUsd()).isZero());
            assertThat(snapstart.notes()).anySatisfy(n -> assertThat(n).contains("for Java it is free"));
        }

        @Test
        void isFreeForJavaWithoutPriming() {
            assertThat(feature(estimate("{\"snapstart\": {\"priming\": false}}"), "snapstart").monthlyUsd()).isZero();
        }
    }

    @Nested
    class Secrets {

        @Test
        void threeSecretsReadEveryFiveMinutesCost2_83() {
            FeatureCost secrets = feature(estimate("{\"secrets\": {}}"), "secrets");

            assertThat(line(secrets, "Secrets Manager secrets")).isCloseTo(1.20, CENT_FRACTION);   // 3 × $0.40
            // 3 functions × 3 secrets × (2,628,000 s ÷ 300 s = 8,760) = 78,840 calls × $0.05/10k
            assertThat(quantity(secrets, "Secrets Manager API calls")).isCloseTo(78_840, CENT_FRACTION);
            assertThat(line(secrets, "Secrets Manager API calls")).isCloseTo(0.3942, CENT_FRACTION);
            assertThat(line(secrets, "KMS requests: secrets")).isCloseTo(0.23652, CENT_FRACTION);  // 78,840 × $0.03/10k
            assertThat(secrets.monthlyUsd()).isCloseTo(2.83072, CENT_FRACTION);                    // + $1 key
        }

        @Test
        void aReplicaNoCacheAndMonthlyRotationCost28_50() {
            FeatureCost secrets = feature(estimate("{\"monitoring\": {}, \"secrets\": {\"rotationDays\": 30,"
                    + " \"replicaRegion\": \"eu-west-1\", \"cacheSeconds\": 0}}"), "secrets");

            assertThat(line(secrets, "Secrets Manager replicas in eu-west-1")).isCloseTo(1.20, CENT_FRACTION);
            // every invocation reads 3 secrets: 3,000,000 calls × $0.05/10k = $15; KMS 3,000,000 × $0.03/10k = $9
            assertThat(line(secrets, "Secrets Manager API calls")).isCloseTo(15.00, CENT_FRACTION);
            assertThat(line(secrets, "KMS requests: secrets")).isCloseTo(9.00, CENT_FRACTION);
            // rotation: 4 steps × 30.4167 days ÷ 30 = 4.06 invocations, a fraction of a cent; + 1 alarm
            assertThat(quantity(secrets, "Lambda requests: jwt-key-rotation")).isCloseTo(4.055556, within(0.000001));
            // 1.20 + 1 + 1.20 + 1 + 15 + 9 + 0.10 + rotation 0.00000827
            assertThat(secrets.monthlyUsd()).isCloseTo(28.500008, within(0.000001));
        }
    }

    @Nested
    class Parameters {

        @Test
        void fiveStandardParametersAreFree() {
            FeatureCost parameters = feature(estimate("{\"parameters\": {}}"), "parameters");

            assertThat(quantity(parameters, "SSM standard parameters")).isEqualTo(5);             // 2 settings + 3 flags
            assertThat(parameters.monthlyUsd()).isZero();
        }

        @Test
        void readingOnEveryInvocationAtStandardThroughputIsFreeToo() {
            FeatureCost parameters = feature(estimate("{\"parameters\": {\"flags\": [], \"cacheSeconds\": 0}}"), "parameters");

            assertThat(quantity(parameters, "SSM standard parameters")).isEqualTo(2);
            assertThat(quantity(parameters, "SSM API calls")).isEqualTo(1_000_000);
            assertThat(parameters.monthlyUsd()).isZero();
        }
    }

    @Nested
    class VpcEndpoints {

        @Test
        void oneInterfaceEndpointInTwoZonesAndTheFlowLogKeyCost15_60() {
            FeatureCost vpc = feature(estimate("{\"secrets\": {}, \"vpc-endpoints\": {}}"), "vpc-endpoints");

            assertThat(line(vpc, "Interface endpoint hours")).isCloseTo(14.60, CENT_FRACTION);    // 1 × 2 × 730 × $0.01
            assertThat(vpc.monthlyUsd()).isCloseTo(15.60, CENT_FRACTION);
        }

        @Test
        void threeEndpointsInThreeZonesWithStreamDataCost66_73() {
            FeatureCost vpc = feature(estimate("{\"secrets\": {}, \"parameters\": {}, \"kinesis\": {},"
                    + " \"vpc-endpoints\": {\"azCount\": 3}}"), "vpc-endpoints");

            assertThat(line(vpc, "Interface endpoint hours")).isCloseTo(65.70, CENT_FRACTION);    // 3 × 3 × 730 × $0.01
            assertThat(line(vpc, "Interface endpoint data")).isCloseTo(2_628_000 / 1_048_576.0 * 0.01, CENT_FRACTION);
            assertThat(vpc.monthlyUsd()).isCloseTo(66.725063, within(0.000001));
        }
    }

    @Nested
    class DynamoDbAutoscaling {

        @Test
        void twoTablesAtTheFloorOf5UnitsReplaceOnDemandFor6_95() {
            FeatureCost autoscaling = feature(estimate("{\"dynamodb-autoscaling\": {}}"), "dynamodb-autoscaling");

            // 250,000 WRU a table ÷ 2,628,000 s ÷ 70% = 0.14 → 1, below the floor: 5 WCU and 5 RCU a table
            assertThat(quantity(autoscaling, "DynamoDB write capacity")).isCloseTo(7300, CENT_FRACTION); // 10 × 730
            assertThat(line(autoscaling, "DynamoDB write capacity")).isCloseTo(4.745, CENT_FRACTION);   // × $0.00065
            assertThat(line(autoscaling, "DynamoDB read capacity")).isCloseTo(0.949, CENT_FRACTION);    // × $0.00013
            assertThat(line(autoscaling, "DynamoDB on-demand writes (replaced)")).isCloseTo(-0.3125, CENT_FRACTION);
            assertThat(line(autoscaling, "DynamoDB on-demand reads (replaced)")).isCloseTo(-0.03125, CENT_FRACTION);
            assertThat(line(autoscaling, "Target tracking alarms")).isCloseTo(1.60, CENT_FRACTION);    // 2 × 8 alarms
            assertThat(autoscaling.monthlyUsd()).isCloseTo(6.95025, CENT_FRACTION);
        }

        @Test
        void aFloorOf1UnitAt50PercentWithHeadroomAlarmsCosts2_80() {
            FeatureCost autoscaling = feature(estimate("{\"monitoring\": {}, \"dynamodb-autoscaling\": {\"minCapacity\": 1,"
                    + " \"maxCapacity\": 3, \"targetUtilization\": 50}}"), "dynamodb-autoscaling");

            // 0.095 WCU/s ÷ 50% = 0.19 → 1 a table: 2 WCU × 730 = 1,460 × $0.00065 = $0.949; RCU 1,460 × $0.00013
            assertThat(line(autoscaling, "DynamoDB write capacity")).isCloseTo(0.949, CENT_FRACTION);
            assertThat(line(autoscaling, "DynamoDB read capacity")).isCloseTo(0.1898, CENT_FRACTION);
            // 0.949 + 0.1898 − 0.3125 − 0.03125 + 1.60 + 4 headroom alarms 0.40
            assertThat(autoscaling.monthlyUsd()).isCloseTo(2.79505, CENT_FRACTION);
        }

        @Test
        void capacityFollowsTrafficBetweenTheFloorAndTheCeiling() {
            // 50 units a second at 70%: 71.4 → 72; the ceiling 60 caps it; a trickle stays at the floor 5
            assertThat(DynamoDbAutoscalingCosts.capacity(50 * 2_628_000.0, 70, 5, 100)).isEqualTo(72);
            assertThat(DynamoDbAutoscalingCosts.capacity(50 * 2_628_000.0, 70, 5, 60)).isEqualTo(60);
            assertThat(DynamoDbAutoscalingCosts.capacity(1000, 70, 5, 100)).isEqualTo(5);
        }
    }
}
