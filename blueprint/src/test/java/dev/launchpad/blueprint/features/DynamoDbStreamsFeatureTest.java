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

/** The dynamodb-streams feature: table streams feeding an event store and an order-summary projection. */
class DynamoDbStreamsFeatureTest {

    static final String STREAMS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "dynamodb-streams": {"batchSize": 25, "maxRetries": 5}}}
            """;
    static final String STREAMS_WITHOUT_MONITORING = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"dynamodb-streams": {}}}
            """;
    static final String STREAMS_WITH_KINESIS_AND_PROVISIONED_CONCURRENCY = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "dynamodb-streams": {}, "kinesis": {}, "provisioned-concurrency": {},
                          "dynamodb-autoscaling": {}}}
            """;
    static final String WITHOUT = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}}}
            """;

    static Stream<Named<String>> specs() {
        return Stream.of(Named.of("with monitoring", STREAMS), Named.of("without monitoring", STREAMS_WITHOUT_MONITORING),
                Named.of("with kinesis, provisioned concurrency and table autoscaling", STREAMS_WITH_KINESIS_AND_PROVISIONED_CONCURRENCY));
    }

    @Test
    void containsTheConsumerItsProjectionAndTheirTests() {
        assertThat(render(STREAMS).files().keySet()).contains(
                "infra/dynamodb-streams.tf",
                "src/main/java/org/acme/orders/cdc/ChangeCaptureConsumer.java",
                "src/main/java/org/acme/orders/cdc/DynamoDbEventStore.java",
                "src/main/java/org/acme/orders/cdc/OrderSummaryProjection.java",
                "src/test/java/org/acme/orders/cdc/ChangeCaptureConsumerTest.java",
                "src/test/java/org/acme/orders/cdc/OrderSummaryProjectionTest.java",
                "src/test/resources/events/cdc/changes.json");
    }

    @Test
    void theUsersAndOrdersTablesStreamTheirItemsBeforeAndAfterEachChange() {
        assertThat(render(STREAMS).text("infra/tables.tf")).contains("stream_enabled   = true")
                .contains("stream_view_type = \"NEW_AND_OLD_IMAGES\"");
    }

    @Test
    void theEventStoreAndTheSummaryAreEncryptedRecoverableTables() {
        String terraform = render(STREAMS).text("infra/dynamodb-streams.tf");

        assertThat(terraform).contains("name       = \"${local.name_prefix}-event-store\"")
                .contains("hash_key   = \"aggregateId\"").contains("range_key  = \"sequence\"")
                .contains("name       = \"${local.name_prefix}-order-summary\"").contains("hash_key   = \"userId\"")
                .contains("point_in_time_recovery_enabled     = true")
                .contains("server_side_encryption_kms_key_arn = aws_kms_key.data.arn")
                .contains("billing_mode        = local.table_capacity.billing_mode")
                .contains("\"launchpad:feature\" = \"dynamodb-streams\"");
    }

    @Test
    void bothStreamsAreReadWithBisectingBoundedRetriesAndADeadLetterQueue() {
        String terraform = render(STREAMS).text("infra/dynamodb-streams.tf");

        assertThat(terraform).contains("resource \"aws_lambda_event_source_mapping\" \"change_capture\"")
                .contains("captured_tables = toset([\"users\", \"orders\"])")
                .contains("function_name     = local.function_targets[\"change-capture\"]")
                .contains("event_source_arn  = module.table[each.key].dynamodb_table_stream_arn")
                .contains("change_capture_batch_size  = 25").contains("change_capture_max_retries = 5")
                .contains("function_response_types        = [\"ReportBatchItemFailures\"]")
                .contains("bisect_batch_on_function_error = true")
                .contains("destination_arn = module.change_capture_dlq.queue_arn")
                .contains("kms_master_key_id         = aws_kms_key.data.arn")
                .contains("message_retention_seconds = 1209600");
    }

    @Test
    void theConsumerMayReadTheTwoStreamsAndWriteOnlyItsTwoTables() {
        GeneratedProject project = render(STREAMS);
        String terraform = project.text("infra/dynamodb-streams.tf");

        assertThat(project.text("infra/functions.tf"))
                .contains("handler    = \"org.acme.orders.cdc.ChangeCaptureConsumer::handleRequest\"")
                .contains("statements = local.change_capture_statements")
                .contains("EVENT_STORE_TABLE_NAME   = module.change_capture_table[\"event-store\"].dynamodb_table_id")
                .contains("ORDER_SUMMARY_TABLE_NAME = module.change_capture_table[\"order-summary\"].dynamodb_table_id");
        assertThat(terraform)
                .contains("resources = [for table in local.captured_tables : module.table[table].dynamodb_table_stream_arn]")
                .contains("actions   = [\"dynamodb:PutItem\"]\n      resources = [module.change_capture_table[\"event-store\"].dynamodb_table_arn]")
                .contains("actions   = [\"dynamodb:UpdateItem\"]\n      resources = [module.change_capture_table[\"order-summary\"].dynamodb_table_arn]")
                .contains("actions   = [\"sqs:SendMessage\"]\n      resources = [module.change_capture_dlq.queue_arn]")
                .doesNotContain("dynamodb:*").doesNotContain("\"*\"");
    }

    @Test
    void lagAndDeadLettersAlarmAndTheNewTablesJoinTheTableAlarmsAndGraphs() {
        GeneratedProject project = render(STREAMS);

        assertThat(project.text("infra/dynamodb-streams.tf")).contains("module \"change_capture_stream_alarms\"")
                .contains("feature                 = \"dynamodb-streams\"")
                .contains("consumer_function_names = { change-capture = module.function[\"change-capture\"].lambda_function_name }");
        assertThat(project.text("infra/monitoring.tf")).contains("local.change_capture_alarm_arns")
                .contains("local.change_capture_dashboard_widgets").contains("local.change_capture_table_names");
    }

    @Test
    void withoutMonitoringThereIsNoAlarmOrDashboard() {
        assertThat(render(STREAMS_WITHOUT_MONITORING).text("infra/dynamodb-streams.tf"))
                .doesNotContainIgnoringCase("alarm").doesNotContainIgnoringCase("dashboard");
    }

    @Test
    void aProjectWithoutItHasNoStreamNoEventStoreAndNoConsumer() {
        GeneratedProject project = render(WITHOUT);

        assertThat(project.has("infra/dynamodb-streams.tf")).isFalse();
        assertThat(project.files().keySet()).noneMatch(path -> path.contains("/cdc/"));
        assertNoInfraMentions(project, "stream", "event-store", "order-summary", "change_capture", "sqs");
        assertThat(project.text("src/main/java/org/acme/orders/config/ServiceConfig.java")).doesNotContain("eventStore");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theInfrastructureIsFormattedAndSound(String spec, @TempDir Path work) {
        assertSoundTerraform(render(spec), work);
    }
}
