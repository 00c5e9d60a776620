package com.example.orders.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables of change data capture, as the Terraform passes them to every function. */
class ChangeCaptureConfigurationTest {

    @Test
    void readsTheEventStoreAndTheSummaryTables() {
        ServiceConfig config = ServiceConfig.from(Map.of(
                "ENVIRONMENT", "prod",
                "EVENT_STORE_TABLE_NAME", "events-table",
                "ORDER_SUMMARY_TABLE_NAME", "summary-table"));

        assertThat(config.eventStoreTable()).isEqualTo("events-table");
        assertThat(config.orderSummaryTable()).isEqualTo("summary-table");
    }

    @Test
    void defaultsToTheNamesTheTerraformGives() {
        ServiceConfig config = ServiceConfig.from(Map.of("ENVIRONMENT", "dev"));

        assertThat(config.eventStoreTable()).isEqualTo("order-service-dev-event-store");
        assertThat(config.orderSummaryTable()).isEqualTo("order-service-dev-order-summary");
    }

    @Test
    void refusesATableNameDynamoDbWouldReject() {
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("EVENT_STORE_TABLE_NAME", "event store")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EVENT_STORE_TABLE_NAME");
    }
}
