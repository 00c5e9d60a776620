package com.example.orders.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of the event streams, as the Terraform passes them to every function. */
class StreamsConfigurationTest {

    @Test
    void readsTheStreamsAndTheProcessedEventsTable() {
        ServiceConfig config = ServiceConfig.from(Map.of(
                "ORDER_EVENTS_STREAM_NAME", "orders-stream",
                "USER_ACTIVITY_STREAM_NAME", "activity-stream",
                "PROCESSED_EVENTS_TABLE_NAME", "processed-table",
                "ORDER_EVENTS_RETENTION_HOURS", "168"));

        assertThat(config.orderEventsStream()).isEqualTo("orders-stream");
        assertThat(config.userActivityStream()).isEqualTo("activity-stream");
        assertThat(config.processedEventsTable()).isEqualTo("processed-table");
        assertThat(config.orderEventsRetentionHours()).isEqualTo(168);
    }

    @Test
    void refusesAStreamNameKinesisWouldReject() {
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("ORDER_EVENTS_STREAM_NAME", "order events")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDER_EVENTS_STREAM_NAME");
    }

    @Test
    void refusesARetentionThatIsNotAWholeNumberOfAtLeastADay() {
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("ORDER_EVENTS_RETENTION_HOURS", "a week")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDER_EVENTS_RETENTION_HOURS");
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("ORDER_EVENTS_RETENTION_HOURS", "12")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDER_EVENTS_RETENTION_HOURS");
    }
}
