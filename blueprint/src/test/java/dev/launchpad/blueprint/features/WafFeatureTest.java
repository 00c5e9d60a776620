package dev.launchpad.blueprint.features;

import static dev.launchpad.blueprint.features.RenderedProjects.LOCAL_MODULES;
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

/** The waf feature: a web ACL in front of a REST API that replaces the HTTP API, and nothing of it when off. */
class WafFeatureTest {

    static final String WAF = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "environments": ["dev", "prod"],
             "features": {"monitoring": {}, "waf": {"rateLimit": 500, "blockedCountries": ["KP", "IR"],
               "allowedIpCidrs": ["203.0.113.0/24"], "blockedIpCidrs": ["198.51.100.0/24", "192.0.2.7/32"]}}}
            """;
    static final String WAF_WITHOUT_MONITORING = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "features": {"waf": {"logging": false}}}
            """;
    static final String WAF_WITH_SNAPSTART = """
            {"name": "order-service", "team": "payments", "description": "Takes orders",
             "features": {"monitoring": {}, "waf": {}, "snapstart": {}}}
            """;
    static final String WITHOUT_WAF = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "features": {"monitoring": {}}}
            """;

    static Stream<Named<String>> specsWithWaf() {
        return Stream.of(Named.of("with monitoring and every list", WAF), Named.of("without monitoring or logging", WAF_WITHOUT_MONITORING),
                Named.of("with SnapStart's live aliases", WAF_WITH_SNAPSTART));
    }

    @Test
    void wafContributesItsOwnTerraformFile() {
        assertThat(render(WAF).has("infra/waf.tf")).isTrue();
    }

    @Test
    void theSpecsRulesBecomeTheDefaultsOfTheWafVariables() {
        String waf = render(WAF).text("infra/waf.tf");

        assertThat(waf).contains("default     = 500").contains("default     = [\"KP\", \"IR\"]")
                .contains("default     = [\"203.0.113.0/24\"]").contains("default     = [\"198.51.100.0/24\", \"192.0.2.7/32\"]")
                .contains("default     = true");
    }

    @Test
    void theRoutesAreServedByARestApiWhoseStageTheWebAclProtects() {
        GeneratedProject project = render(WAF);

        assertThat(project.text("infra/waf.tf"))
                .contains("source = \"" + LOCAL_MODULES.of("rest-api") + "\"")
                .contains("source = \"" + LOCAL_MODULES.of("waf") + "\"")
                .contains("resource_arn      = module.api.stage_arn");
        assertThat(project.text("infra/api.tf")).contains("\"GET /users/{id}\"").doesNotContain("apigateway-v2");
    }

    @Test
    void theApiAlarmsAndDashboardsReadTheMetricsOfTheRestApi() {
        String monitoring = render(WAF).text("infra/monitoring.tf");

        assertThat(monitoring).contains("api_kind               = \"rest\"").contains("api_kind       = \"rest\"")
                .contains("local.waf_alarm_arns").contains("local.waf_dashboard_widgets");
    }

    @Test
    void blockedRequestsAlertTheCriticalTopic() {
        String waf = render(WAF).text("infra/waf.tf");

        assertThat(waf).contains("metric_name         = \"BlockedRequests\"")
                .contains("alarm_actions = [module.alerting.critical_topic_arn]")
                .contains("default     = 100");
    }

    @Test
    void withoutMonitoringThereIsNoWafAlarmOrGraph() {
        GeneratedProject project = render(WAF_WITHOUT_MONITORING);

        assertThat(project.has("infra/monitoring.tf")).isFalse();
        assertThat(project.text("infra/waf.tf")).doesNotContainIgnoringCase("alarm").doesNotContain("alerting")
                .doesNotContain("dashboard").contains("default     = false");
    }

    @Test
    void aProjectWithoutWafHasNoTraceOfIt() {
        GeneratedProject project = render(WITHOUT_WAF);

        assertThat(project.has("infra/waf.tf")).isFalse();
        assertThat(project.text("infra/api.tf")).contains("terraform-aws-modules/apigateway-v2/aws");
        assertNoInfraMentions(project, "waf", "rest-api", "api_kind");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specsWithWaf")
    void theInfrastructureIsFormattedAndSound(String spec, @TempDir Path work) {
        assertSoundTerraform(render(spec), work);
    }
}
