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

/** The provisioned-concurrency feature: warm instances on a live alias that the API calls, scaled on utilisation. */
class ProvisionedConcurrencyFeatureTest {

    static final String PROVISIONED = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "provisioned-concurrency": {"min": 3, "max": 40, "targetUtilization": 60}}}
            """;
    static final String PROVISIONED_WITHOUT_MONITORING = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"provisioned-concurrency": {}}}
            """;
    static final String WITHOUT = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}}}
            """;

    static Stream<Named<String>> specs() {
        return Stream.of(Named.of("with monitoring", PROVISIONED), Named.of("without monitoring", PROVISIONED_WITHOUT_MONITORING));
    }

    @Test
    void theApiFunctionsKeepWarmInstancesOnTheirLiveAlias() {
        String terraform = render(PROVISIONED).text("infra/provisioned-concurrency.tf");

        assertThat(terraform).contains("resource \"aws_lambda_provisioned_concurrency_config\" \"live\"")
                .contains("qualifier                         = module.alias[each.key].lambda_alias_name")
                .contains("provisioned_functions = toset(values(local.routes))")
                .contains("ignore_changes = [provisioned_concurrent_executions]");
    }

    @Test
    void targetTrackingScalesThemBetweenTheSpecsBounds() {
        String terraform = render(PROVISIONED).text("infra/provisioned-concurrency.tf");

        assertThat(terraform).contains("default     = 3").contains("default     = 40").contains("default     = 60")
                .contains("scalable_dimension = \"lambda:function:ProvisionedConcurrency\"")
                .contains("resource_id        = \"function:${module.function[each.key].lambda_function_name}:${module.alias[each.key].lambda_alias_name}\"")
                .contains("predefined_metric_type = \"LambdaProvisionedConcurrencyUtilization\"")
                .contains("target_value = var.provisioned_concurrency_target_percent / 100");
    }

    @Test
    void functionsPublishVersionsAndTheApiAndPermissionsTargetTheAlias() {
        GeneratedProject project = render(PROVISIONED);
        String functions = project.text("infra/functions.tf");

        assertThat(functions).contains("publish                                   = true")
                .contains("source  = \"terraform-aws-modules/lambda/aws//modules/alias\"").contains("name             = \"live\"")
                .contains("function_targets = { for key, alias in module.alias : key => alias.lambda_alias_arn }")
                .contains("create_unqualified_alias_allowed_triggers = false")
                .doesNotContain("snap_start");
        assertThat(project.text("infra/api.tf")).contains("uri = local.function_targets[function_key]");
    }

    @Test
    void busyWarmInstancesAndSpilloverWarnAndTheDashboardShowsThem() {
        GeneratedProject project = render(PROVISIONED);

        assertThat(project.text("infra/provisioned-concurrency.tf"))
                .contains("ProvisionedConcurrencyUtilization").contains("threshold   = 0.9")
                .contains("ProvisionedConcurrencySpilloverInvocations")
                .contains("Resource     = \"${module.function[key].lambda_function_name}:${module.alias[key].lambda_alias_name}\"")
                .contains("alarm_actions = [module.alerting.warning_topic_arn]");
        assertThat(project.text("infra/monitoring.tf")).contains("local.provisioned_concurrency_alarm_arns")
                .contains("local.provisioned_concurrency_dashboard_widgets");
    }

    @Test
    void withoutMonitoringThereIsNoAlarm() {
        assertThat(render(PROVISIONED_WITHOUT_MONITORING).text("infra/provisioned-concurrency.tf"))
                .doesNotContainIgnoringCase("alarm").doesNotContain("dashboard");
    }

    @Test
    void aProjectWithoutItHasNoAliasNoVersionsAndNoWarmInstances() {
        GeneratedProject project = render(WITHOUT);

        assertThat(project.has("infra/provisioned-concurrency.tf")).isFalse();
        assertThat(project.text("infra/functions.tf")).doesNotContain("module \"alias\"").doesNotContain("publish ")
                .contains("function_targets = { for key, function in module.function : key => function.lambda_function_arn }");
        assertNoInfraMentions(project, "provisioned", "appautoscaling", "module.alias");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theInfrastructureIsFormattedAndSound(String spec, @TempDir Path work) {
        assertSoundTerraform(render(spec), work);
    }
}
