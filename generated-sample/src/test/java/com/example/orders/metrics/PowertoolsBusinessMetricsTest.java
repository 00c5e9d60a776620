package com.example.orders.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.config.ServiceConfig;
import com.example.orders.http.Json;
import com.example.orders.testing.LocalMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract with the dashboards: names, units, namespace and dimension of what reaches CloudWatch. */
class PowertoolsBusinessMetricsTest {

    private final BusinessMetrics metrics = PowertoolsBusinessMetrics.create(ServiceConfig.from(Map.of(
            "POWERTOOLS_SERVICE_NAME", "order-service-test",
            "POWERTOOLS_METRICS_NAMESPACE", "launchpad/order-service")));

    @BeforeAll
    static void metricsGoToStdout() {
        LocalMetrics.writeToStdout();
    }

    @Test
    void writesAPlacedOrderAsCountAndProcessingTimeInTheServiceNamespace() throws Exception {
        JsonNode emf = emitted(() -> metrics.orderCreated(Duration.ofMillis(42)));

        JsonNode directive = emf.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("launchpad/order-service");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
        assertThat(units(directive)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "OrdersCreated", "Count",
                "OrderProcessingTime", "Milliseconds"));
        assertThat(emf.get("Service").asText()).isEqualTo("order-service-test");
        assertThat(emf.get("OrdersCreated").asDouble()).isEqualTo(1.0);
        assertThat(emf.get("OrderProcessingTime").asDouble()).isEqualTo(42.0);
    }

    @Test
    void writesOneForEachUserCreatedAndOrderCancelled() throws Exception {
        JsonNode user = emitted(metrics::userCreated);
        JsonNode cancellation = emitted(metrics::orderCancelled);

        assertThat(units(user.at("/_aws/CloudWatchMetrics/0"))).containsExactly(Map.entry("UsersCreated", "Count"));
        assertThat(user.get("UsersCreated").asDouble()).isEqualTo(1.0);
        assertThat(units(cancellation.at("/_aws/CloudWatchMetrics/0"))).containsExactly(Map.entry("OrdersCancelled", "Count"));
        assertThat(cancellation.get("OrdersCancelled").asDouble()).isEqualTo(1.0);
    }

    /** The one embedded-metric-format line the action printed. */
    private static JsonNode emitted(Runnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("\"_aws\""))
                .toList();
        assertThat(lines).hasSize(1);
        return Json.MAPPER.readTree(lines.get(0));
    }

    private static Map<String, String> units(JsonNode directive) {
        Map<String, String> units = new HashMap<>();
        directive.get("Metrics").forEach(metric -> units.put(metric.get("Name").asText(), metric.get("Unit").asText()));
        return units;
    }
}
