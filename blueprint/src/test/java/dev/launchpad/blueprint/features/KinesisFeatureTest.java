package dev.launchpad.blueprint.features;

import static dev.launchpad.blueprint.features.RenderedProjects.assertNoInfraMentions;
import static dev.launchpad.blueprint.features.RenderedProjects.assertSoundTerraform;
import static dev.launchpad.blueprint.features.RenderedProjects.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.render.GeneratedProject;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The kinesis feature: three encrypted streams, order and user events published, a consumer and a window aggregator. */
class KinesisFeatureTest {

    static final String KINESIS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "kinesis": {"streamMode": "PROVISIONED", "shardCount": 2, "retentionHours": 48,
                          "batchSize": 50, "maxRetries": 4, "windowSeconds": 120}}}
            """;
    static final String KINESIS_WITHOUT_MONITORING = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"kinesis": {}}}
            """;
    static final String KINESIS_WITH_SNAPSTART_AND_WAF = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "kinesis": {}, "snapstart": {}, "waf": {}}}
            """;
    static final String EVERY_FEATURE = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "budgets": {}, "waf": {}, "kinesis": {}, "dynamodb-streams": {}, "redis": {},
                          "vpc-endpoints": {}, "snapstart": {}, "secrets": {}, "parameters": {}, "dynamodb-autoscaling": {}}}
            """;
    static final String WITHOUT = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}}}
            """;

    static Stream<Named<String>> specs() {
        return Stream.of(Named.of("with monitoring", KINESIS), Named.of("without monitoring", KINESIS_WITHOUT_MONITORING),
                Named.of("with SnapStart and WAF", KINESIS_WITH_SNAPSTART_AND_WAF), Named.of("with every feature", EVERY_FEATURE));
    }

    @Test
    void containsTheStreamsTheConsumersAndTheirTests() {
        GeneratedProject project = render(KINESIS);

        assertThat(project.files().keySet()).contains(
                "infra/kinesis.tf",
                "src/main/java/org/acme/orders/streams/OrderEventsConsumer.java",
                "src/main/java/org/acme/orders/streams/OrderWindowAggregator.java",
                "src/main/java/org/acme/orders/streams/KinesisOrderEvents.java",
                "src/main/java/org/acme/orders/orders/PublishingOrderRepository.java",
                "src/main/java/org/acme/orders/users/PublishingUserRepository.java",
                "src/test/java/org/acme/orders/streams/OrderEventsConsumerTest.java",
                "src/test/java/org/acme/orders/streams/OrderWindowAggregatorTest.java",
                "src/test/java/org/acme/orders/orders/OrderEventsPublishingTest.java",
                "src/test/resources/events/streams/order-events.json");
    }

    @Test
    void threeStreamsAreEncryptedWithARotatedKeyInTheSpecsCapacityMode() {
        String terraform = render(KINESIS).text("infra/kinesis.tf");

        assertThat(terraform).contains("order-events    = \"${local.name_prefix}-order-events\"")
                .contains("user-activity   = \"${local.name_prefix}-user-activity\"")
                .contains("security-events = \"${local.name_prefix}-security-events\"")
                .contains("default     = \"PROVISIONED\"").contains("default     = 2").contains("default     = 48")
                .contains("shard_count      = var.kinesis_stream_mode == \"PROVISIONED\" ? var.kinesis_shard_count : null")
                .contains("encryption_type     = \"KMS\"").contains("kms_key_id          = aws_kms_key.streams.arn")
                .contains("enable_key_rotation     = true")
                .contains("\"launchpad:feature\" = \"kinesis\"");
    }

    @Test
    void bothReadersOfOrderEventsRetryBisectAndEndInTheirOwnEncryptedDeadLetterQueue() {
        String terraform = render(KINESIS).text("infra/kinesis.tf");

        assertThat(terraform).contains("resource \"aws_lambda_event_source_mapping\" \"kinesis\"")
                .contains("function_name     = local.function_targets[each.key]")
                .contains("starting_position = \"LATEST\"")
                .contains("function_response_types        = [\"ReportBatchItemFailures\"]")
                .contains("bisect_batch_on_function_error = true")
                .contains("batch_size                 = 50").contains("maximum_retry_attempts     = 4")
                .contains("tumbling_window_in_seconds = 120").contains("tumbling_window_in_seconds = null")
                .contains("destination_arn = module.kinesis_dlq[each.key].queue_arn")
                .contains("source  = \"terraform-aws-modules/sqs/aws\"")
                .contains("kms_master_key_id         = aws_kms_key.streams.arn")
                .contains("message_retention_seconds = 1209600");
    }

    @Test
    void eachFunctionMayDoOnlyItsPartWithTheStreams() {
        GeneratedProject project = render(KINESIS);
        String functions = project.text("infra/functions.tf");
        String terraform = project.text("infra/kinesis.tf");

        assertThat(functions).contains("handler    = \"org.acme.orders.streams.OrderEventsConsumer::handleRequest\"")
                .contains("handler    = \"org.acme.orders.streams.OrderWindowAggregator::handleRequest\"")
                .contains("order_events = local.kinesis_publishing.orders")
                .contains("user_activity = local.kinesis_publishing.users")
                .contains("ORDER_EVENTS_STREAM_NAME     = aws_kinesis_stream.this[\"order-events\"].name")
                .contains("USER_ACTIVITY_STREAM_NAME    = aws_kinesis_stream.this[\"user-activity\"].name")
                .contains("if contains(values(local.routes), each.key)")
                .doesNotContain("SECURITY_EVENTS_STREAM_NAME");
        assertThat(terraform).contains("actions   = [\"kinesis:PutRecord\"]\n      resources = [aws_kinesis_stream.this[\"order-events\"].arn]")
                .contains("actions   = [\"kinesis:PutRecord\"]\n      resources = [aws_kinesis_stream.this[\"user-activity\"].arn]")
                .contains("resources = [aws_kinesis_stream.this[consumer.stream].arn]")
                .contains("actions   = [\"sqs:SendMessage\"]\n        resources = [module.kinesis_dlq[key].queue_arn]")
                .contains("actions   = [\"dynamodb:GetItem\", \"dynamodb:PutItem\"]\n        resources = [module.processed_order_events.dynamodb_table_arn]")
                .doesNotContain("kinesis:*").doesNotContain("\"*\"]\n      resources = [\"*\"");
    }

    @Test
    void refusedApiRequestsReachTheSecurityStreamFromTheAccessLog() {
        assertThat(render(KINESIS).text("infra/kinesis.tf"))
                .contains("log_group_name = module.api.stage_access_logs_cloudwatch_log_group_name")
                .contains("destination_arn = aws_kinesis_stream.this[\"security-events\"].arn")
                .contains("identifiers = [\"logs.amazonaws.com\"]");
        assertThat(render(KINESIS_WITH_SNAPSTART_AND_WAF).text("infra/kinesis.tf"))
                .contains("log_group_name = module.api.access_log_group_name");
    }

    @Test
    void withSnapStartTheMappingsInvokeTheLiveAlias() {
        GeneratedProject project = render(KINESIS_WITH_SNAPSTART_AND_WAF);

        assertThat(project.text("infra/functions.tf"))
                .contains("function_targets = { for key, alias in module.alias : key => alias.lambda_alias_arn }");
        assertThat(project.text("infra/kinesis.tf")).contains("function_name     = local.function_targets[each.key]");
    }

    @Test
    void lagThrottlingDeadLettersAndLostEventsAlarmAndTheDashboardsShowThem() {
        GeneratedProject project = render(KINESIS);
        String terraform = project.text("infra/kinesis.tf");

        assertThat(terraform).contains("module \"kinesis_stream_alarms\"").contains("feature                 = \"kinesis\"")
                .contains("metric_name         = each.value").contains("OrderEventPublishFailures")
                .contains("name = \"OrdersPerWindow\"").contains("MetricName=\\\"RevenuePerWindow\\\"")
                .contains("dashboard = \"business-metrics\"");
        assertThat(project.text("infra/monitoring.tf")).contains("local.kinesis_alarm_arns")
                .contains("local.kinesis_dashboard_widgets").contains("local.kinesis_table_names");
    }

    @Test
    void withoutMonitoringThereIsNoAlarmOrDashboard() {
        assertThat(render(KINESIS_WITHOUT_MONITORING).text("infra/kinesis.tf"))
                .doesNotContainIgnoringCase("alarm").doesNotContainIgnoringCase("dashboard");
    }

    @Test
    void theOrdersAndUsersHandlersPublishThroughTheStreams() {
        GeneratedProject project = render(KINESIS);

        assertThat(project.text("src/main/java/org/acme/orders/orders/OrdersHandler.java"))
                .contains("new PublishingOrderRepository(")
                .contains("new KinesisOrderEvents(AwsClients.kinesis(config), config.orderEventsStream())");
        assertThat(project.text("src/main/java/org/acme/orders/users/UsersHandler.java"))
                .contains("new KinesisUserActivity(AwsClients.kinesis(config), config.userActivityStream())");
        assertThat(project.text("pom.xml")).contains("<artifactId>kinesis</artifactId>");
    }

    @Test
    void aProjectWithoutItHasNoStreamNoConsumerAndNoKinesisClient() {
        GeneratedProject project = render(WITHOUT);

        assertThat(project.has("infra/kinesis.tf")).isFalse();
        assertThat(project.files().keySet()).noneMatch(path -> path.contains("/streams/"));
        assertNoInfraMentions(project, "kinesis", "stream", "dlq", "sqs", "order-events");
        assertThat(project.text("pom.xml")).doesNotContain("kinesis");
        assertThat(project.text("src/main/java/org/acme/orders/config/ServiceConfig.java")).doesNotContain("Stream");
        assertThat(project.text("src/main/java/org/acme/orders/orders/OrdersHandler.java")).doesNotContain("Publishing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theInfrastructureIsFormattedAndSound(String spec, @TempDir Path work) {
        assertSoundTerraform(render(spec), work);
    }
}
