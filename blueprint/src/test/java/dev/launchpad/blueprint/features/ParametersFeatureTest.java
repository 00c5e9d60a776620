package dev.launchpad.blueprint.features;

import static dev.launchpad.blueprint.features.RenderedProjects.assertNoInfraMentions;
import static dev.launchpad.blueprint.features.RenderedProjects.assertSoundTerraform;
import static dev.launchpad.blueprint.features.RenderedProjects.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.render.GeneratedProject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The parameters feature: configuration and feature flags in Parameter Store, read with a cache. */
class ParametersFeatureTest {

    static final String PARAMETERS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "parameters": {"flags": ["new_checkout", "dark_mode"], "cacheSeconds": 30}}}
            """;
    static final String WITH_REDIS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"vpc-endpoints": {}, "redis": {}, "parameters": {}}}
            """;
    static final String WITH_REDIS_WITHOUT_THE_CACHING_FLAG = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"vpc-endpoints": {}, "redis": {}, "parameters": {"flags": ["new_checkout"]}}}
            """;
    static final String WITHOUT = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}}}
            """;

    private static final String CONFIG = "src/main/java/org/acme/orders/config/";
    private static final List<String> JAVA = List.of(
            CONFIG + "FeatureFlags.java", CONFIG + "ParameterStore.java", CONFIG + "SsmParameterStore.java",
            CONFIG + "FlagEvaluations.java", CONFIG + "PowertoolsFlagEvaluations.java", CONFIG + "FlagReport.java",
            CONFIG + "FlagsHealth.java",
            "src/test/java/org/acme/orders/config/FeatureFlagsTest.java",
            "src/test/java/org/acme/orders/config/SsmParameterStoreTest.java",
            "src/test/java/org/acme/orders/config/FlagReportTest.java");
    private static final String GATE = "src/main/java/org/acme/orders/users/FlagGatedUserReads.java";

    static Stream<Named<String>> specs() {
        return Stream.of(Named.of("with monitoring", PARAMETERS), Named.of("with redis", WITH_REDIS));
    }

    @Test
    void eachFlagIsAParameterThatStartsOffAndBelongsToOperators() {
        String terraform = render(PARAMETERS).text("infra/parameters.tf");

        assertThat(terraform).contains("parameter_prefix = \"/${local.service}/${var.environment}/\"")
                .contains("feature_flags = toset([\"new_checkout\", \"dark_mode\"])")
                .contains("name        = \"${local.parameter_prefix}features/${each.key}\"")
                .contains("value       = \"false\"").contains("ignore_changes = [value]")
                .contains("\"config/log_level\"").contains("type        = \"String\"");
    }

    @Test
    void theFunctionsReadOnlyTheStacksParametersWithTheSpecsCacheTime() {
        GeneratedProject project = render(PARAMETERS);

        assertThat(project.text("infra/parameters.tf"))
                .contains("actions   = [\"ssm:GetParameter\", \"ssm:GetParameters\", \"ssm:GetParametersByPath\"]")
                .contains(":parameter${local.parameter_prefix}*\"");
        assertThat(project.text("infra/functions.tf")).contains("statements = { read_parameters = local.parameter_read_statement }")
                .contains("PARAMETER_STORE_PREFIX       = local.parameter_prefix")
                .contains("PARAMETERS_CACHE_SECONDS     = \"30\"");
        assertThat(JAVA).allSatisfy(path -> assertThat(project.has(path)).as(path).isTrue());
        assertThat(project.text(CONFIG + "FlagReport.java")).contains("List.of(\"new_checkout\", \"dark_mode\")");
        assertThat(project.text("pom.xml")).contains("<artifactId>ssm</artifactId>");
    }

    @Test
    void flagChecksAreCountedAndShownOnTheBusinessDashboard() {
        GeneratedProject project = render(PARAMETERS);

        assertThat(project.text("src/main/java/org/acme/orders/metrics/MetricNames.java")).contains("\"FeatureFlagEvaluations\"");
        assertThat(project.text("infra/parameters.tf")).contains("dashboard = \"business-metrics\"").contains("FeatureFlagEvaluations");
        assertThat(project.text("infra/monitoring.tf")).contains("local.parameters_dashboard_widgets");
    }

    @Test
    void withRedisTheAdvancedCachingFlagGatesTheCacheReadsOfTheUsersFunction() {
        GeneratedProject project = render(WITH_REDIS);

        assertThat(project.has(GATE)).isTrue();
        assertThat(project.text("src/main/java/org/acme/orders/users/UsersHandler.java"))
                .contains("new FlagGatedUserReads(cached, users, () -> flags.isEnabled(FlagGatedUserReads.FLAG))");
        assertThat(project.text("infra/functions.tf")).contains("read_parameters = local.parameter_read_statement");
    }

    @Test
    void withoutTheAdvancedCachingFlagTheCacheReadsAreNotGated() {
        GeneratedProject project = render(WITH_REDIS_WITHOUT_THE_CACHING_FLAG);

        assertThat(project.has(GATE)).isFalse();
        assertThat(project.text("src/main/java/org/acme/orders/users/UsersHandler.java")).doesNotContain("FeatureFlags");
    }

    @Test
    void aProjectWithoutItHasNoParametersNoFlagsAndNoClient() {
        GeneratedProject project = render(WITHOUT);

        assertThat(project.has("infra/parameters.tf")).isFalse();
        assertThat(JAVA).allSatisfy(path -> assertThat(project.has(path)).as(path).isFalse());
        assertThat(project.text("pom.xml")).doesNotContain("<artifactId>ssm</artifactId>");
        assertThat(project.text("src/main/java/org/acme/orders/metrics/MetricNames.java")).doesNotContain("FeatureFlag");
        assertNoInfraMentions(project, "ssm", "parameter_", "feature_flag", "FeatureFlag");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theInfrastructureIsFormattedAndSound(String spec, @TempDir Path work) {
        assertSoundTerraform(render(spec), work);
    }
}
