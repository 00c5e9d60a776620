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

/** The dynamodb-autoscaling feature: provisioned capacity with target tracking on every table of the stack. */
class DynamoDbAutoscalingFeatureTest {

    static final String AUTOSCALING = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "dynamodb-autoscaling": {"minCapacity": 10, "maxCapacity": 400, "targetUtilization": 65}}}
            """;
    static final String AUTOSCALING_WITHOUT_MONITORING = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"dynamodb-autoscaling": {}}}
            """;
    static final String WITHOUT = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}}}
            """;

    static Stream<Named<String>> specs() {
        return Stream.of(Named.of("with monitoring", AUTOSCALING), Named.of("without monitoring", AUTOSCALING_WITHOUT_MONITORING));
    }

    @Test
    void everyTableUsesTheSharedProvisionedCapacityWithTargetTracking() {
        GeneratedProject project = render(AUTOSCALING);
        String tables = project.text("infra/tables.tf");

        assertThat(tables).contains("billing_mode        = \"PROVISIONED\"").contains("autoscaling_enabled = true")
                .contains("scale_out_cooldown = 60").contains("scale_in_cooldown  = 300")
                .contains("target_value       = var.table_capacity_target_percent")
                .contains("billing_mode = local.table_capacity.billing_mode")
                .contains("autoscaling_read    = local.table_capacity.autoscaling_read");
        assertThat(project.text("infra/dynamodb-autoscaling.tf")).contains("default     = 10").contains("default     = 400")
                .contains("default     = 65").contains("terraform state mv");
    }

    @Test
    void nearingTheCeilingWarnsAndTheDashboardComparesProvisionedWithConsumed() {
        GeneratedProject project = render(AUTOSCALING);

        assertThat(project.text("infra/dynamodb-autoscaling.tf")).contains("-capacity-headroom")
                .contains("threshold           = 0.8 * var.table_capacity_max")
                .contains("expression  = \"consumed / PERIOD(consumed)\"")
                .contains("alarm_actions = [module.alerting.warning_topic_arn]")
                .contains("Provisioned${kind}CapacityUnits");
        assertThat(project.text("infra/monitoring.tf")).contains("local.table_capacity_alarm_arns")
                .contains("local.table_capacity_dashboard_widgets");
    }

    @Test
    void withoutMonitoringThereIsNoAlarm() {
        assertThat(render(AUTOSCALING_WITHOUT_MONITORING).text("infra/dynamodb-autoscaling.tf"))
                .doesNotContainIgnoringCase("alarm").doesNotContain("dashboard");
    }

    @Test
    void aProjectWithoutItKeepsItsTablesOnDemand() {
        GeneratedProject project = render(WITHOUT);

        assertThat(project.has("infra/dynamodb-autoscaling.tf")).isFalse();
        assertThat(project.text("infra/tables.tf")).contains("billing_mode        = \"PAY_PER_REQUEST\"")
                .contains("autoscaling_enabled = false").doesNotContain("PROVISIONED");
        assertNoInfraMentions(project, "table_capacity_min", "table_capacity_max", "headroom", "cooldown");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theInfrastructureIsFormattedAndSound(String spec, @TempDir Path work) {
        assertSoundTerraform(render(spec), work);
    }
}
