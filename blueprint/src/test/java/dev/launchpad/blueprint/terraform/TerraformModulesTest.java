package dev.launchpad.blueprint.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.build.GeneratedBuild;
import dev.launchpad.blueprint.contract.StackNames;
import dev.launchpad.blueprint.contract.Tags;
import dev.launchpad.blueprint.render.ModuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The platform modules in terraform-modules/: formatted, sound, documented, and true to the naming contract. */
class TerraformModulesTest {

    private static final Path MODULES = GeneratedBuild.repositoryRoot().resolve("terraform-modules");

    /** Resource types whose AWS resources carry no tags: a deployment, settings, an attachment, an association. */
    private static final Set<String> UNTAGGABLE = Set.of("aws_api_gateway_deployment", "aws_api_gateway_method_settings",
            "aws_api_gateway_account", "aws_iam_role_policy_attachment", "aws_wafv2_web_acl_association",
            "aws_wafv2_web_acl_logging_configuration");

    private static TerraformCheck check;
    private static List<Path> moduleDirs;

    @BeforeAll
    static void findTheModules() throws IOException {
        check = TerraformCheck.of(ModuleSource.localDirectory(MODULES.toString()), MODULES);
        try (Stream<Path> dirs = Files.list(MODULES)) {
            moduleDirs = dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void theExpectedModulesArePresent() {
        assertThat(moduleDirs).extracting(dir -> dir.getFileName().toString()).containsExactly(
                "alerting", "api-alarms", "dynamodb-alarms", "lambda-alarms", "rest-api", "service-budget", "service-dashboards",
                "stream-alarms", "waf");
    }

    @Test
    void everyModuleIsFormatted() {
        TerraformCli.Outcome fmt = TerraformCli.fmtCheck(MODULES);
        assertThat(fmt.exitCode()).as("terraform fmt -check -recursive terraform-modules:\n%s", fmt.output()).isZero();
    }

    @Test
    void everyModulePassesTheStructuralCheck() {
        List<TerraformCheck.Finding> findings = new ArrayList<>();
        moduleDirs.forEach(dir -> findings.addAll(check.check(dir)));
        assertThat(findings).isEmpty();
    }

    static Stream<Arguments> callsWithValuesKnownOnlyAfterApply() {
        String later = "terraform_data.later.output";
        String topic = "\"arn:aws:sns:eu-west-1:123456789012:${" + later + "}\"";
        String functions = "{ health = \"${" + later + "}-health\", users = \"${" + later + "}-users\" }";
        String tables = "{ users = \"${" + later + "}-users\", orders = \"${" + later + "}-orders\" }";
        return Stream.of(
                Arguments.of("alerting", "with an email", """
                        name_prefix    = "order-service-dev"
                        email_endpoint = "oncall@example.com"
                        """),
                Arguments.of("alerting", "without an email", "name_prefix = \"order-service-dev\""),
                Arguments.of("lambda-alarms", "two functions", """
                        name_prefix        = "order-service-dev"
                        function_names     = %s
                        critical_topic_arn = %s
                        warning_topic_arn  = %s
                        """.formatted(functions, topic, topic)),
                Arguments.of("api-alarms", "one API", """
                        name_prefix        = "order-service-dev"
                        api_id             = %s
                        critical_topic_arn = %s
                        warning_topic_arn  = %s
                        """.formatted(later, topic, topic)),
                Arguments.of("dynamodb-alarms", "two tables", """
                        name_prefix        = "order-service-dev"
                        table_names        = %s
                        critical_topic_arn = %s
                        """.formatted(tables, topic)),
                Arguments.of("dynamodb-alarms", "no tables", """
                        name_prefix        = "order-service-dev"
                        table_names        = {}
                        critical_topic_arn = %s
                        """.formatted(topic)),
                Arguments.of("service-dashboards", "everything", """
                        name_prefix       = "order-service-dev"
                        function_names    = %s
                        api_id            = %s
                        table_names       = %s
                        metrics_namespace = "launchpad/order-service"
                        service_dimension = "order-service-dev"
                        business_widgets = [
                          { title = "Orders", metric_names = ["OrdersCreated", "OrdersCancelled"] },
                          { title = "Time", metric_names = ["OrderProcessingTime"], stats = ["Average", "p99"] },
                          { title = "Users", metric_names = ["UsersCreated"] },
                        ]
                        alarm_arns      = values({ a = %s, b = %s })
                        log_group_names = [for key in ["health", "users"] : "/aws/lambda/${%s}-${key}"]
                        """.formatted(functions, later, tables, later, later, later)),
                Arguments.of("service-dashboards", "the least", """
                        name_prefix    = "order-service-dev"
                        function_names = %s
                        api_id         = %s
                        """.formatted(functions, later)),
                Arguments.of("api-alarms", "a REST API", """
                        name_prefix        = "order-service-dev"
                        api_id             = %s
                        api_kind           = "rest"
                        api_name           = "${%s}-api"
                        stage_name         = "dev"
                        critical_topic_arn = %s
                        warning_topic_arn  = %s
                        """.formatted(later, later, topic, topic)),
                Arguments.of("service-dashboards", "a REST API and feature graphs", """
                        name_prefix    = "order-service-dev"
                        function_names = %s
                        api_id         = %s
                        api_kind       = "rest"
                        api_name       = "${%s}-api"
                        stage_name     = "dev"
                        feature_widgets = [
                          {
                            title = "Requests"
                            metrics = [
                              { namespace = "AWS/WAFV2", name = "AllowedRequests", dimensions = { WebACL = "${%s}-waf", Rule = "ALL" } },
                              { namespace = "AWS/WAFV2", name = "BlockedRequests", dimensions = { WebACL = "${%s}-waf", Rule = "ALL" }, label = "blocked" },
                            ]
                          },
                          {
                            dashboard = "performance"
                            title     = "Hit rate"
                            metrics = [
                              { namespace = "AWS/ElastiCache", name = "CacheHits", dimensions = { CacheClusterId = %s }, id = "hits", visible = false },
                              { namespace = "AWS/ElastiCache", name = "CacheMisses", dimensions = { CacheClusterId = %s }, id = "misses", visible = false },
                            ]
                            expressions = [{ id = "rate", expression = "100 * hits / (hits + misses)", label = "hit rate" }]
                          },
                          { dashboard = "performance", title = "CPU", stat = "Maximum", metrics = [{ namespace = "AWS/ElastiCache", name = "EngineCPUUtilization", dimensions = { CacheClusterId = %s } }] },
                        ]
                        """.formatted(functions, later, later, later, later, later, later, later)),
                Arguments.of("service-dashboards", "business graphs from a feature alone", """
                        name_prefix    = "order-service-dev"
                        function_names = %s
                        api_id         = %s
                        feature_widgets = [
                          {
                            dashboard = "business-metrics"
                            title     = "Orders per window"
                            metrics   = [{ namespace = "launchpad/order-service", name = "OrdersPerWindow", dimensions = { Service = "${%s}" } }]
                          },
                          {
                            dashboard   = "business-metrics"
                            title       = "Revenue per window"
                            metrics     = []
                            expressions = [{ id = "revenue", expression = "SEARCH('{\\"launchpad/order-service\\",Currency,Service} MetricName=\\"RevenuePerWindow\\"', 'Sum', 300)", label = "" }]
                          },
                        ]
                        """.formatted(functions, later, later)),
                Arguments.of("rest-api", "managing the account's logging role", """
                        name_prefix = "order-service-dev"
                        stage_name  = "dev"
                        routes = {
                          "GET /health"              = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${%s}/invocations"
                          "GET /orders/{id}"         = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${%s}/invocations"
                          "POST /orders/{id}/cancel" = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${%s}/invocations"
                        }
                        log_kms_key_arn             = %s
                        manage_account_logging_role = true
                        """.formatted(later, later, later, later)),
                Arguments.of("rest-api", "leaving the account alone", """
                        name_prefix = "order-service-dev"
                        stage_name  = "dev"
                        routes      = { "GET /health" = %s }
                        """.formatted(later)),
                Arguments.of("waf", "every list and logging", """
                        name_prefix       = "order-service-dev"
                        resource_arn      = %s
                        blocked_countries = ["KP", "IR"]
                        allowed_ip_cidrs  = ["203.0.113.0/24"]
                        blocked_ip_cidrs  = ["198.51.100.0/24", "192.0.2.1/32"]
                        log_kms_key_arn   = %s
                        """.formatted(later, later)),
                Arguments.of("waf", "no lists and no logging", """
                        name_prefix     = "order-service-dev"
                        resource_arn    = %s
                        logging_enabled = false
                        """.formatted(later)),
                Arguments.of("stream-alarms", "streams, consumers and queues", """
                        name_prefix             = "order-service-dev"
                        kinesis_stream_names    = { order-events = "${%s}-order-events" }
                        consumer_function_names = { order-events-consumer = "${%s}-order-events-consumer" }
                        dead_letter_queue_names = { order-events-consumer = "${%s}-order-events-consumer-dlq" }
                        critical_topic_arn      = %s
                        warning_topic_arn       = %s
                        feature                 = "kinesis"
                        """.formatted(later, later, later, topic, topic)),
                Arguments.of("stream-alarms", "a DynamoDB stream consumer only", """
                        name_prefix             = "order-service-dev"
                        consumer_function_names = { change-capture = "${%s}-change-capture" }
                        dead_letter_queue_names = { change-capture = "${%s}-change-capture-dlq" }
                        critical_topic_arn      = %s
                        warning_topic_arn       = %s
                        """.formatted(later, later, topic, topic)),
                Arguments.of("service-budget", "with an email", """
                        name_prefix       = "order-service-dev"
                        service           = "order-service"
                        monthly_limit_usd = 100
                        sns_topic_arn     = %s
                        email             = "finance@example.com"
                        """.formatted(topic)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("callsWithValuesKnownOnlyAfterApply")
    void everyModulesOwnLogicPlansWithValuesKnownOnlyAfterApply(String module, String situation, String arguments,
                                                                  @TempDir Path work) {
        TerraformCli.Outcome plan = OfflinePlan.of(MODULES.resolve(module), arguments, work);
        assertThat(plan.exitCode()).as("offline plan of %s (%s):\n%s", module, situation, plan.output()).isZero();
    }

    @Test
    void anOfflinePlanFailsOnAModuleWhoseLogicIsWrong(@TempDir Path work) throws IOException {
        Path broken = work.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("variables.tf"), "variable \"names\" {\n  type = list(string)\n}\n");
        Files.writeString(broken.resolve("main.tf"), """
                locals {
                  # An object and a string cannot become one list, so the two results have no common type.
                  picked = length(var.names) > 0 ? [{ name = var.names[0] }, "x"] : []
                }

                resource "aws_sns_topic" "this" {
                  for_each = toset([for item in local.picked : jsonencode(item)])
                  name     = each.key
                }
                """);
        TerraformCli.Outcome plan = OfflinePlan.of(broken, "names = [\"a\"]", work.resolve("plan"));
        assertThat(plan.exitCode()).as(plan.output()).isNotZero();
        assertThat(plan.output()).contains("Inconsistent conditional result types");
    }

    @Test
    void everyModuleHasTheStandardFilesAndDocumentsEachInputAndOutput() {
        for (Path dir : moduleDirs) {
            for (String file : List.of("versions.tf", "variables.tf", "main.tf", "outputs.tf", "README.md")) {
                assertThat(dir.resolve(file)).as("%s/%s", dir.getFileName(), file).isRegularFile();
            }
            TerraformConfig module = check.load(dir);
            module.variables.values().forEach(variable -> {
                assertThat(variable.body().has("description") && variable.body().has("type"))
                        .as("variable %s of %s has a description and a type", variable.name(), dir.getFileName()).isTrue();
                assertThat(variable.file().getFileName()).as("variable %s lives in variables.tf", variable.name())
                        .hasToString("variables.tf");
            });
            module.outputs.values().forEach(output -> {
                assertThat(output.body().has("description")).as("output %s of %s has a description", output.name(), dir.getFileName()).isTrue();
                assertThat(output.file().getFileName()).as("output %s lives in outputs.tf", output.name()).hasToString("outputs.tf");
            });
            String readme = read(dir.resolve("README.md"));
            module.variables.keySet().forEach(input ->
                    assertThat(readme).as("README of %s mentions input %s", dir.getFileName(), input).contains("`" + input + "`"));
        }
    }

    @Test
    void everyModuleNeedsTerraform111AndTheSameAwsProviderFloor() {
        for (Path dir : moduleDirs) {
            JsonNode terraform = check.load(dir).bodies.get(dir.resolve("versions.tf").toAbsolutePath()).get("terraform").get(0);
            assertThat(terraform.get("required_version").asText()).as(dir.getFileName().toString()).isEqualTo(">= 1.11");
            JsonNode aws = terraform.get("required_providers").get(0).get("aws");
            assertThat(aws.get("source").asText()).isEqualTo("hashicorp/aws");
            assertThat(aws.get("version").asText()).as(dir.getFileName().toString()).isEqualTo(">= 6.28");
        }
    }

    @Test
    void everyModuleThatCreatesTaggableResourcesTagsThemWithItsFeature() {
        for (Path dir : moduleDirs) {
            if (dir.getFileName().toString().equals("service-dashboards")) {
                continue; // CloudWatch dashboards take no tags
            }
            TerraformConfig module = check.load(dir);
            assertThat(module.variables).as(dir.getFileName().toString()).containsKeys("feature", "tags");
            assertThat(module.locals.get("tags").body().asText())
                    .isEqualTo("${merge(var.tags, { \"" + Tags.FEATURE + "\" = var.feature })}");
            Stream.concat(module.resources.values().stream(), module.modules.values().stream())
                    .filter(declaration -> !declaration.name().equals("aws_kms_alias.alerts"))
                    .filter(declaration -> !UNTAGGABLE.contains(declaration.name().split("\\.")[0]))
                    .forEach(declaration -> assertThat(declaration.body().path("tags").asText())
                            .as("%s in %s is tagged", declaration.name(), dir.getFileName()).isEqualTo("${local.tags}"));
        }
    }

    @Test
    void everyNameTheModulesGiveFollowsTheStackNamingContract() {
        JsonNode topics = check.load(MODULES.resolve("alerting")).modules.get("topic").body();
        assertThat(topics.get("name").asText()).isEqualTo("${var.name_prefix}-${each.key}-alerts");
        assertThat(check.load(MODULES.resolve("alerting")).locals.get("tiers").body().asText())
                .isEqualTo("${toset([\"" + String.join("\", \"", StackNames.ALERT_TIERS) + "\"])}");

        for (String alarms : List.of("lambda-alarms", "api-alarms", "dynamodb-alarms", "stream-alarms")) {
            assertThat(check.load(MODULES.resolve(alarms)).modules.get("alarm").body().get("alarm_name").asText())
                    .as(alarms).isEqualTo("${var.name_prefix}-${each.key}");
        }

        TerraformConfig dashboards = check.load(MODULES.resolve("service-dashboards"));
        assertThat(dashboards.resources.get("aws_cloudwatch_dashboard.this").body().get("dashboard_name").asText())
                .isEqualTo("${var.name_prefix}-${each.key}");
        Set<String> kinds = new TreeSet<>();
        dashboards.locals.get("dashboards").body().fieldNames().forEachRemaining(kinds::add);
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(StackNames.DASHBOARDS);

        TerraformConfig budget = check.load(MODULES.resolve("service-budget"));
        assertThat(budget.resources.get("aws_budgets_budget.monthly").body().get("name").asText())
                .isEqualTo("${var.name_prefix}-monthly");
        assertThat(budget.locals.get("cost_allocation_tag").body().asText())
                .isEqualTo("${format(\"user:%s$%s\", \"" + Tags.SERVICE + "\", var.service)}");
        assertThat(new StackNames("order-service", "prod").budget()).isEqualTo("order-service-prod-monthly");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
