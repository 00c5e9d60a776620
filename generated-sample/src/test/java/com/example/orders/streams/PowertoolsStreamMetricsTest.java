package com.example.orders.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.config.ServiceConfig;
import com.example.orders.http.Json;
import com.example.orders.testing.LocalMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract with the dashboards and alarms: names, dimensions and timestamps of what reaches CloudWatch. */
class PowertoolsStreamMetricsTest {

    private final StreamMetrics metrics = PowertoolsStreamMetrics.create(ServiceConfig.from(Map.of(
            "POWERTOOLS_SERVICE_NAME", "order-service-test",
            "POWERTOOLS_METRICS_NAMESPACE", "launchpad/order-service")));

    @BeforeAll
    static void metricsGoToStdout() {
        LocalMetrics.writeToStdout();
    }

    @Test
    void writesAClosedWindowAsOrdersAndOneRevenuePerCurrencyAtTheWindowsStart() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));

        List<JsonNode> lines = emitted(() -> metrics.windowClosed(start,
                new WindowTotals(3, 1, Map.of("EUR", 250L, "USD", 500L), "1")));

        assertThat(lines).hasSize(3);
        JsonNode orders = lines.get(0);
        assertThat(orders.at("/_aws/Timestamp").asLong()).isEqualTo(start.toEpochMilli());
        assertThat(orders.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("launchpad/order-service");
        assertThat(orders.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[\"Service\"]]");
        assertThat(orders.get("OrdersPerWindow").asDouble()).isEqualTo(3.0);
        assertThat(lines.subList(1, 3)).allSatisfy(revenue -> {
            assertThat(revenue.at("/_aws/Timestamp").asLong()).isEqualTo(start.toEpochMilli());
            assertThat(revenue.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[\"Service\",\"Currency\"]]");
            assertThat(revenue.get("Service").asText()).isEqualTo("order-service-test");
        });
        assertThat(lines.subList(1, 3)).extracting(revenue -> revenue.get("Currency").asText() + "=" + revenue.get("RevenuePerWindow").asLong())
                .containsExactlyInAnyOrder("EUR=250", "USD=500");
    }

    @Test
    void stampsAWindowTooOldForCloudWatchWithTheTimeOfWriting() throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(20));

        List<JsonNode> lines = emitted(() -> metrics.windowClosed(start, new WindowTotals(1, 0, Map.of(), "1")));

        assertThat(lines).hasSize(1);
        assertThat(Instant.ofEpochMilli(lines.get(0).at("/_aws/Timestamp").asLong())).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    @Test
    void countsEventsNotPublishedAndEventsProcessed() throws Exception {
        List<JsonNode> lines = emitted(() -> {
            metrics.orderEventNotPublished();
            metrics.userActivityNotPublished();
            metrics.orderEventProcessed();
        });

        assertThat(lines).extracting(line -> line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText())
                .containsExactly("OrderEventPublishFailures", "UserActivityPublishFailures", "OrderEventsProcessed");
    }

    /** The embedded-metric-format lines the action printed. */
    private static List<JsonNode> emitted(Runnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"_aws\"")).toList()) {
            lines.add(Json.MAPPER.readTree(line));
        }
        return lines;
    }
}
