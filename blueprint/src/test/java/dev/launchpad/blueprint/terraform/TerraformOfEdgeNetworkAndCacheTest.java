package dev.launchpad.blueprint.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.build.GeneratedBuild;
import dev.launchpad.blueprint.contract.Tags;
import dev.launchpad.blueprint.render.ModuleSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Terraform of the waf, vpc-endpoints and redis features, as parsed: what reaches what, and who may do what. */
class TerraformOfEdgeNetworkAndCacheTest {

    private static final Path MODULES = GeneratedBuild.repositoryRoot().resolve("terraform-modules");
    private static final ModuleSource LOCAL_MODULES = ModuleSource.localDirectory(MODULES.toString());

    static final String EDGE_NETWORK_AND_CACHE = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "region": "eu-west-1", "environments": ["dev", "prod"],
             "features": {"monitoring": {}, "waf": {}, "vpc-endpoints": {}, "redis": {}}}
            """;

    /** Resource types that take no tags. */
    private static final Set<String> UNTAGGABLE = Set.of("aws_kms_alias", "random_password", "aws_secretsmanager_secret_version");

    private static TerraformCheck check;

    @TempDir
    Path work;

    @BeforeAll
    static void prepareTheCheck() {
        check = TerraformCheck.of(LOCAL_MODULES, MODULES);
    }

    @Test
    void theWebAclProtectsTheStageOfARestApiThatServesEveryRoute() throws IOException {
        TerraformConfig config = load(EDGE_NETWORK_AND_CACHE);

        JsonNode api = config.modules.get("api").body();
        assertThat(api.get("source").asText()).isEqualTo(LOCAL_MODULES.of("rest-api"));
        assertThat(api.get("routes").asText()).contains("local.routes").contains("local.rest_api_integrations[function_key]");
        assertThat(api.get("stage_name").asText()).isEqualTo("${var.environment}");
        assertThat(config.modules.get("waf").body().get("resource_arn").asText()).isEqualTo("${module.api.stage_arn}");
        assertThat(config.locals.get("function_triggers").body().get("api").get("source_arn").asText())
                .isEqualTo("${module.api.api_execution_arn}/*/*");
        assertThat(config.modules.values()).noneMatch(call -> call.body().path("source").asText().contains("apigateway-v2"));
    }

    @Test
    void theWafAlarmCountsWhatTheWholeWebAclBlocked() throws IOException {
        JsonNode alarm = load(EDGE_NETWORK_AND_CACHE).modules.get("waf_blocked_requests_alarm").body();

        assertThat(alarm.get("alarm_name").asText()).isEqualTo("${local.name_prefix}-waf-blocked-requests");
        assertThat(alarm.get("namespace").asText()).isEqualTo("AWS/WAFV2");
        assertThat(alarm.get("metric_name").asText()).isEqualTo("BlockedRequests");
        assertThat(alarm.get("dimensions").get("Rule").asText()).isEqualTo("ALL");
        assertThat(alarm.get("dimensions").get("WebACL").asText()).isEqualTo("${module.waf.web_acl_metric_name}");
        assertThat(alarm.get("statistic").asText()).isEqualTo("Sum");
        assertThat(alarm.get("period").asInt()).isEqualTo(300);
    }

    @Test
    void theFunctionsRunInThePrivateSubnetsAndMayOnlyReachWhatTheyCall() throws IOException {
        TerraformConfig config = load(EDGE_NETWORK_AND_CACHE);

        JsonNode function = config.modules.get("function").body();
        assertThat(function.get("vpc_subnet_ids").asText()).isEqualTo("${module.vpc.private_subnets}");
        assertThat(function.get("attach_network_policy").asBoolean()).isTrue();
        assertThat(config.modules.get("vpc").body().get("enable_nat_gateway").asBoolean()).isFalse();

        Map<String, String> egress = new TreeMap<>();
        List<String> ingress = new ArrayList<>();
        config.resources.forEach((name, resource) -> {
            if (name.startsWith("aws_vpc_security_group_egress_rule.")) {
                assertThat(resource.body().get("security_group_id").asText()).isEqualTo("${aws_security_group.functions.id}");
                JsonNode rule = resource.body();
                String to = rule.has("prefix_list_id") ? rule.get("prefix_list_id").asText() : rule.get("referenced_security_group_id").asText();
                egress.put(to, rule.get("from_port").asInt() + "-" + rule.get("to_port").asInt());
            }
            if (name.startsWith("aws_vpc_security_group_ingress_rule.") || name.startsWith("aws_security_group_rule.")) {
                ingress.add(name);
            }
        });
        assertThat(egress).containsExactlyInAnyOrderEntriesOf(Map.of(
                "${module.vpc_endpoints.endpoints[\"dynamodb\"].prefix_list_id}", "443-443",
                "${module.vpc_endpoints.security_group_id}", "443-443",
                "${module.cache.security_group_id}", "6379-6379"));
        assertThat(ingress).as("nothing may connect to the functions").isEmpty();
    }

    @Test
    void theInterfaceEndpointsAcceptHttpsFromTheFunctionsOnly() throws IOException {
        JsonNode endpoints = load(EDGE_NETWORK_AND_CACHE).modules.get("vpc_endpoints").body();

        Set<String> services = new TreeSet<>();
        endpoints.get("endpoints").fieldNames().forEachRemaining(services::add);
        assertThat(services).containsExactly("dynamodb", "s3", "secretsmanager");
        assertThat(endpoints.get("endpoints").get("secretsmanager").get("private_dns_enabled").asBoolean()).isTrue();
        assertThat(endpoints.get("security_group_rules").size()).isEqualTo(1);
        assertThat(endpoints.get("security_group_rules").get("https_from_functions").get("source_security_group_id").asText())
                .isEqualTo("${aws_security_group.functions.id}");
    }

    @Test
    void theCacheAcceptsConnectionsFromTheFunctionsOnlyOverTls() throws IOException {
        JsonNode cache = load(EDGE_NETWORK_AND_CACHE).modules.get("cache").body();

        assertThat(cache.get("engine").asText()).isEqualTo("valkey");
        assertThat(cache.get("transit_encryption_enabled").asBoolean()).isTrue();
        assertThat(cache.get("at_rest_encryption_enabled").asBoolean()).isTrue();
        assertThat(cache.get("multi_az_enabled").asText()).isEqualTo("${var.cache_multi_az}");
        assertThat(cache.get("automatic_failover_enabled").asText()).isEqualTo("${var.cache_multi_az}");
        assertThat(cache.get("subnet_ids").asText()).isEqualTo("${module.vpc.private_subnets}");
        assertThat(cache.get("security_group_rules").size()).isEqualTo(1);
        assertThat(cache.get("security_group_rules").get("valkey_from_functions").get("referenced_security_group_id").asText())
                .isEqualTo("${aws_security_group.functions.id}");
    }

    @Test
    void onlyTheUsersFunctionMayReadTheCacheToken() throws IOException {
        JsonNode functions = load(EDGE_NETWORK_AND_CACHE).locals.get("functions").body();

        JsonNode users = functions.get("users").get("statements");
        assertThat(users.get("cache_auth_token").get("actions").get(0).asText()).isEqualTo("secretsmanager:GetSecretValue");
        assertThat(users.get("cache_auth_token").get("resources").get(0).asText()).isEqualTo("${aws_secretsmanager_secret.cache_auth_token.arn}");
        assertThat(users.get("cache_auth_token_key").get("actions").get(0).asText()).isEqualTo("kms:Decrypt");
        assertThat(users.get("cache_auth_token_key").get("condition").get("through_secrets_manager").get("variable").asText())
                .isEqualTo("kms:ViaService");
        for (String other : List.of("health", "orders")) {
            assertThat(functions.get(other).get("statements").toString()).as(other).doesNotContain("cache");
        }
    }

    @Test
    void everyResourceOfTheseFeaturesIsTaggedWithItsFeature() throws IOException {
        TerraformConfig config = load(EDGE_NETWORK_AND_CACHE);

        Map<String, String> featureOfFile = Map.of("waf.tf", "waf", "vpc-endpoints.tf", "vpc-endpoints", "redis.tf", "redis");
        List<TerraformConfig.Declaration> declarations = new ArrayList<>(config.resources.values());
        declarations.addAll(config.modules.values());
        int checked = 0;
        for (TerraformConfig.Declaration declaration : declarations) {
            String feature = featureOfFile.get(declaration.file().getFileName().toString());
            if (feature == null || UNTAGGABLE.contains(declaration.name().split("\\.")[0])) {
                continue;
            }
            JsonNode body = declaration.body();
            String tagged = body.has("feature") ? body.get("feature").asText() : body.path("tags").path(Tags.FEATURE).asText();
            assertThat(tagged).as("%s in %s", declaration.name(), declaration.file().getFileName()).isEqualTo(feature);
            checked++;
        }
        assertThat(checked).as("declarations checked").isGreaterThanOrEqualTo(15);
    }

    private TerraformConfig load(String spec) throws IOException {
        return check.load(TerraformOfGeneratedProjectTest.render(spec, work.resolve("project")));
    }
}
