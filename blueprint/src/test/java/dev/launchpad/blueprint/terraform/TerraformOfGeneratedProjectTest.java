package dev.launchpad.blueprint.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.build.GeneratedBuild;
import dev.launchpad.blueprint.contract.StackNames;
import dev.launchpad.blueprint.contract.Tags;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.render.ModuleSource;
import dev.launchpad.blueprint.render.ProjectWriter;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The infra/ folder of rendered projects: formatted, structurally sound, and true to the contracts with Java and the portal. */
class TerraformOfGeneratedProjectTest {

    private static final Blueprint BLUEPRINT = Blueprint.load();
    private static final Path ROOT = GeneratedBuild.repositoryRoot();
    private static final Path MODULES = ROOT.resolve("terraform-modules");
    private static final ModuleSource LOCAL_MODULES = ModuleSource.localDirectory(MODULES.toString());

    static final String DESCRIPTION = "Takes \"orders\" ${x} %{y} \\ é $$ %%";

    static final String EVERYTHING = """
            {"name": "order-service", "team": "payments", "description": "%s",
             "javaPackage": "org.acme.orders", "region": "eu-west-1", "environments": ["dev", "staging", "prod"],
             "features": {
               "monitoring": {"alertEmail": "payments-oncall@example.com", "lambdaErrorThreshold": 7,
                              "lambdaDurationThresholdMs": 8000, "api5xxThreshold": 12, "apiLatencyThresholdMs": 3000,
                              "dynamodbThrottleThreshold": 2},
               "budgets": {"monthlyLimitUsd": 250, "notificationEmail": "payments-finance@example.com"}}}
            """.formatted(DESCRIPTION.replace("\\", "\\\\").replace("\"", "\\\""));
    static final String CORE_ONLY = "{\"name\": \"order-service\", \"team\": \"payments\", \"description\": \"Takes orders\", \"features\": {}}";
    static final String MONITORING_ONLY = "{\"name\": \"inventory\", \"team\": \"warehouse\", \"description\": \"Stock\","
            + " \"environments\": [\"prod\"], \"features\": {\"monitoring\": {}}}";
    static final String DEFAULTS = "{\"name\": \"order-service\", \"team\": \"payments\", \"description\": \"Takes orders\"}";

    private static TerraformCheck check;

    @TempDir
    Path work;

    @BeforeAll
    static void prepareTheCheck() {
        check = TerraformCheck.of(LOCAL_MODULES, MODULES);
    }

    static Stream<Named<String>> specs() {
        return Stream.of(Named.of("every feature, three environments", EVERYTHING), Named.of("only the core", CORE_ONLY),
                Named.of("monitoring without budgets", MONITORING_ONLY), Named.of("the defaults", DEFAULTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void renderedInfrastructureIsFormattedAndPassesTheStructuralCheck(String specJson) throws IOException {
        Path infra = render(specJson, work.resolve("project"));
        TerraformCli.Outcome fmt = TerraformCli.fmtCheck(infra);
        assertThat(fmt.exitCode()).as("terraform fmt -check -recursive infra/:\n%s", fmt.output()).isZero();
        assertThat(check.check(infra)).isEmpty();
    }

    @Test
    void aRenderedProjectWithABrokenModuleCallIsCaught() throws IOException {
        Path infra = render(EVERYTHING, work.resolve("project"));
        Path monitoring = infra.resolve("monitoring.tf");
        Files.writeString(monitoring, Files.readString(monitoring).replace("  error_threshold       =", "  errors_threshold      ="));
        assertThat(check.check(infra)).extracting(TerraformCheck.Finding::message).containsExactlyInAnyOrder(
                "module lambda_alarms passes errors_threshold, which " + MODULES + "/lambda-alarms does not declare");
    }

    @Test
    void aProjectWithOnlyTheCoreHasNoTraceOfMonitoringOrBudgets() throws IOException {
        Path infra = render(CORE_ONLY, work.resolve("project"));
        assertThat(infra.resolve("monitoring.tf")).doesNotExist();
        assertThat(infra.resolve("budgets.tf")).doesNotExist();
        TerraformConfig config = check.load(infra);
        assertThat(config.modules).containsOnlyKeys("table", "function", "api");
        assertThat(config.variables.keySet()).doesNotContain("alert_email", "budget_email", "monthly_budget_usd");
        assertThat(config.outputs.keySet()).doesNotContain("alert_topic_arns", "alarm_names", "dashboard_urls", "budget_name");
        for (Path file : allFiles(infra)) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContainIgnoringCase("alert").doesNotContainIgnoringCase("alarm")
                    .doesNotContainIgnoringCase("dashboard").doesNotContainIgnoringCase("budget");
        }
    }

    @Test
    void everyResourceIsTaggedWithTheStackTagsThroughTheProvider() throws IOException {
        TerraformConfig config = check.load(render(EVERYTHING, work.resolve("project")));
        JsonNode provider = config.bodies.get(config.dir.resolve("providers.tf")).get("provider").get("aws").get(0);
        JsonNode tags = provider.get("default_tags").get(0).get("tags");
        Map<String, String> values = new TreeMap<>();
        tags.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        assertThat(values).containsOnlyKeys(Tags.STACK);
        assertThat(values).containsEntry(Tags.SERVICE, "${local.service}").containsEntry(Tags.TEAM, "${local.team}")
                .containsEntry(Tags.ENVIRONMENT, "${var.environment}");
        assertThat(config.locals.get("service").body().asText()).isEqualTo("order-service");
        assertThat(config.locals.get("team").body().asText()).isEqualTo("payments");
        assertThat(config.locals.get("name_prefix").body().asText()).isEqualTo("${local.service}-${var.environment}");
        assertThat(new StackNames("order-service", "dev").prefix()).isEqualTo("order-service-dev-");
    }

    @Test
    void everyPlatformModuleCallThatTagsNamesTheFeatureOfItsFile() throws IOException {
        TerraformConfig config = check.load(render(EVERYTHING, work.resolve("project")));
        Map<String, Path> platform = TerraformCheck.platformModules(LOCAL_MODULES, MODULES);
        List<String> calls = new ArrayList<>();
        for (TerraformConfig.Declaration call : config.modules.values()) {
            Path module = platform.get(call.body().get("source").asText());
            if (module != null && check.load(module).variables.containsKey("feature")) {
                calls.add(call.name());
                assertThat(call.body().path("feature").asText()).as(call.name())
                        .isEqualTo(call.file().getFileName().toString().replace(".tf", ""));
            }
        }
        assertThat(calls).containsExactlyInAnyOrder("alerting", "lambda_alarms", "api_alarms", "dynamodb_alarms", "budget");
    }

    @Test
    void theFunctionsMatchWhatTheJavaCodeExpects() throws IOException {
        TerraformConfig config = check.load(render(EVERYTHING, work.resolve("project")));
        JsonNode functions = config.locals.get("functions").body();
        assertThat(functions.get("health").get("handler").asText()).isEqualTo("org.acme.orders.health.HealthHandler::handleRequest");
        assertThat(functions.get("users").get("handler").asText()).isEqualTo("org.acme.orders.users.UsersHandler::handleRequest");
        assertThat(functions.get("orders").get("handler").asText()).isEqualTo("org.acme.orders.orders.OrdersHandler::handleRequest");

        JsonNode function = config.modules.get("function").body();
        assertThat(function.get("runtime").asText()).isEqualTo("java21");
        assertThat(function.get("architectures").get(0).asText()).isEqualTo("arm64");
        assertThat(function.get("tracing_mode").asText()).isEqualTo("Active");
        assertThat(function.get("logging_log_format").asText()).isEqualTo("JSON");
        assertThat(function.get("create_package").asBoolean()).isFalse();
        assertThat(config.locals.get("package").body().asText()).isEqualTo("${path.module}/../target/order-service.zip");

        Set<String> environment = new TreeSet<>();
        config.locals.get("function_environment").body().fieldNames().forEachRemaining(environment::add);
        assertThat(environment).contains("USERS_TABLE_NAME", "ORDERS_TABLE_NAME", "ENVIRONMENT", "POWERTOOLS_SERVICE_NAME",
                "POWERTOOLS_METRICS_NAMESPACE", "POWERTOOLS_LOG_LEVEL");
        assertThat(config.locals.get("function_environment").body().get("POWERTOOLS_METRICS_NAMESPACE").asText())
                .isEqualTo("launchpad/${local.service}");
        assertThat(config.locals.get("function_environment").body().get("POWERTOOLS_SERVICE_NAME").asText())
                .isEqualTo("${local.name_prefix}");
    }

    @Test
    void eachFunctionMayTouchOnlyItsOwnTable() throws IOException {
        JsonNode functions = check.load(render(EVERYTHING, work.resolve("project"))).locals.get("functions").body();
        assertThat(functions.get("health").get("statements").size()).isZero();
        assertThat(statementResources(functions.get("users"))).containsExactly("${module.table[\"users\"].dynamodb_table_arn}");
        assertThat(statementResources(functions.get("orders"))).containsExactly("${module.table[\"orders\"].dynamodb_table_arn}");
        assertThat(functions.get("orders").get("statements").get("orders_table").get("actions"))
                .extracting(JsonNode::asText).containsExactly("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
    }

    @Test
    void theApiRoutesEveryPathToItsFunctionWithPayloadFormatOne() throws IOException {
        TerraformConfig config = check.load(render(EVERYTHING, work.resolve("project")));
        Map<String, String> routes = new TreeMap<>();
        config.locals.get("routes").body().fields().forEachRemaining(e -> routes.put(e.getKey(), e.getValue().asText()));
        assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /health", "health",
                "POST /users", "users", "GET /users/{id}", "users", "PUT /users/{id}", "users", "DELETE /users/{id}", "users",
                "POST /orders", "orders", "GET /orders/{id}", "orders", "POST /orders/{id}/cancel", "orders"));
        JsonNode api = config.modules.get("api").body();
        assertThat(api.get("routes").asText()).contains("payload_format_version = \"1.0\"");
        assertThat(api.get("create_domain_name").asBoolean()).isFalse();
    }

    @Test
    void theDescriptionReachesTerraformAsTheUserWroteIt() throws IOException {
        TerraformConfig config = check.load(render(EVERYTHING, work.resolve("project")));
        String parsed = config.modules.get("api").body().get("description").asText();
        // Terraform's JSON syntax, which the parser speaks, keeps $${ and %%{ escaped; unescaped, they are the text.
        assertThat(parsed.replace("$${", "${").replace("%%{", "%{")).isEqualTo(DESCRIPTION);
    }

    @Test
    void theSpecsThresholdsAndBudgetReachTheModuleCalls() throws IOException {
        TerraformConfig config = check.load(render(EVERYTHING, work.resolve("project")));
        assertThat(config.modules.get("lambda_alarms").body().get("error_threshold").asInt()).isEqualTo(7);
        assertThat(config.modules.get("lambda_alarms").body().get("duration_threshold_ms").asInt()).isEqualTo(8000);
        assertThat(config.modules.get("api_alarms").body().get("server_error_threshold").asInt()).isEqualTo(12);
        assertThat(config.modules.get("api_alarms").body().get("latency_threshold_ms").asInt()).isEqualTo(3000);
        assertThat(config.modules.get("dynamodb_alarms").body().get("throttle_threshold").asInt()).isEqualTo(2);
        assertThat(config.variables.get("alert_email").body().get("default").asText()).isEqualTo("payments-oncall@example.com");
        assertThat(config.variables.get("monthly_budget_usd").body().get("default").asInt()).isEqualTo(250);
        assertThat(config.variables.get("budget_email").body().get("default").asText()).isEqualTo("payments-finance@example.com");
        assertThat(config.modules.get("budget").body().get("sns_topic_arn").asText()).isEqualTo("${module.alerting.info_topic_arn}");
    }

    @Test
    void optionalEmailsLeftOutBecomeNull() throws IOException {
        TerraformConfig config = check.load(render(DEFAULTS, work.resolve("project")));
        assertThat(config.variables.get("alert_email").body().get("default").isNull()).isTrue();
        assertThat(config.variables.get("budget_email").body().get("default").isNull()).isTrue();
    }

    @Test
    void everyEnvironmentHasItsSettingsAndItsOwnLockedState() throws IOException {
        Path infra = render(EVERYTHING, work.resolve("project"));
        TerraformConfig config = check.load(infra);
        assertThat(config.variables.get("environment").body().get("validation").get(0).get("condition").asText())
                .isEqualTo("${contains([\"dev\", \"staging\", \"prod\"], var.environment)}");
        for (String environment : List.of("dev", "staging", "prod")) {
            JsonNode settings = config.bodies.get(infra.resolve("environments/" + environment + ".tfvars"));
            assertThat(settings.get("environment").asText()).isEqualTo(environment);
            assertThat(settings.get("deletion_protection").asBoolean()).as(environment).isEqualTo(!environment.equals("dev"));
            JsonNode backend = config.bodies.get(infra.resolve("environments/" + environment + ".backend.hcl"));
            assertThat(backend.get("key").asText()).isEqualTo("order-service/" + environment + "/terraform.tfstate");
            assertThat(backend.get("region").asText()).isEqualTo("eu-west-1");
            assertThat(backend.get("use_lockfile").asBoolean()).isTrue();
            assertThat(backend.get("bucket").asText()).startsWith("CHANGE-ME");
        }
        JsonNode terraform = config.bodies.get(infra.resolve("versions.tf")).get("terraform").get(0);
        assertThat(terraform.get("backend").get("s3").get(0).size()).as("a partial backend configuration").isZero();
        assertThat(terraform.get("required_version").asText()).isEqualTo(">= 1.11");
        assertThat(terraform.get("required_providers").get(0).get("aws").get("version").asText()).isEqualTo("~> 6.28");
    }

    @Test
    void theCheckedInSampleIsSoundWithTheModulesItsSourcesPointTo() {
        Path infra = ROOT.resolve("generated-sample/infra");
        assumeThat(infra).as("generated-sample/ has Terraform").isDirectory();
        TerraformCheck sampleCheck = TerraformCheck.of(ModuleSource.embeddedDefault(BLUEPRINT.version()), MODULES);
        assertThat(sampleCheck.check(infra)).isEmpty();
        TerraformCli.Outcome fmt = TerraformCli.fmtCheck(infra);
        assertThat(fmt.exitCode()).as("terraform fmt -check generated-sample/infra:\n%s", fmt.output()).isZero();
    }

    static Path render(String specJson, Path into) throws IOException {
        Validation validation = BLUEPRINT.validate(specJson);
        assertThat(validation).as("the spec %s", specJson).isInstanceOf(Validation.Valid.class);
        ProjectSpec spec = ((Validation.Valid) validation).spec();
        GeneratedProject project = BLUEPRINT.render(spec, LOCAL_MODULES);
        ProjectWriter.toDirectory(project, into);
        return into.resolve("infra");
    }

    private static List<String> statementResources(JsonNode function) {
        List<String> resources = new ArrayList<>();
        function.get("statements").elements().forEachRemaining(statement ->
                statement.get("resources").forEach(resource -> resources.add(resource.asText())));
        return resources;
    }

    private static List<Path> allFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
