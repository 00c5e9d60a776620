package com.example.orders.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.health.Health;
import com.example.orders.http.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagReportTest {

    private final List<String> evaluations = new ArrayList<>();
    private final FeatureFlags flags = new FeatureFlags(path -> Map.of("new_checkout", "true"), "/svc/dev/",
            Duration.ofSeconds(60), Clock.systemUTC(), (flag, enabled) -> evaluations.add(flag));

    @Test
    void reportsEachFlagTheServiceWasCreatedWithAndCountsNoEvaluation() {
        var report = new FlagReport(flags, List.of("new_checkout", "dark_mode")).report();

        assertThat(report).containsExactly(Map.entry("dark_mode", false), Map.entry("new_checkout", true));
        assertThat(evaluations).isEmpty();
    }

    @Test
    void theFlagsOfTheServiceAreTheOnesTheTerraformCreates() {
        assertThat(FlagReport.FLAGS).containsExactly("enable_real_time_analytics", "enable_advanced_caching", "enable_security_monitoring");
    }

    @Test
    void withoutFlagsToReportNothingIsRead() {
        assertThat(FlagReport.none().report()).isEmpty();
    }

    @Test
    void theHealthAnswerCarriesTheUsualFieldsAndTheFlags() throws Exception {
        Health health = new Health("ok", "svc", "dev", "1.0.0", "Takes orders");

        var json = Json.MAPPER.readTree(Json.write(new FlagsHealth(health, Map.of("new_checkout", true))));

        assertThat(json.get("status").asText()).isEqualTo("ok");
        assertThat(json.get("version").asText()).isEqualTo("1.0.0");
        assertThat(json.get("flags").get("new_checkout").asBoolean()).isTrue();
    }
}
