package com.example.orders.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void runsWithDefaultsWhenNothingIsSet() {
        ServiceConfig config = ServiceConfig.from(Map.of());

        assertThat(config).isEqualTo(new ServiceConfig(
                "order-service",
                "local",
                "launchpad/order-service",
                "eu-west-1",
                "order-service-local-users",
                "order-service-local-orders",
                "order-service-local-order-events",
                "order-service-local-user-activity",
                "order-service-local-processed-order-events",
                24,
                "order-service-local-event-store",
                "order-service-local-order-summary"));
    }

    @Test
    void readsEveryVariableTheDeploymentSets() {
        ServiceConfig config = ServiceConfig.from(Map.of(
                "POWERTOOLS_SERVICE_NAME", "order-service-prod",
                "ENVIRONMENT", "prod",
                "POWERTOOLS_METRICS_NAMESPACE", "launchpad/order-service",
                "AWS_REGION", "eu-west-1",
                "USERS_TABLE_NAME", "users-table",
                "ORDERS_TABLE_NAME", "orders-table"));

        assertThat(config).isEqualTo(new ServiceConfig(
                "order-service-prod", "prod", "launchpad/order-service", "eu-west-1",
                "users-table", "orders-table",
                "order-service-prod-order-events", "order-service-prod-user-activity",
                "order-service-prod-processed-order-events", 24,
                "order-service-prod-event-store", "order-service-prod-order-summary"));
    }

    @Test
    void refusesANamespaceThatCloudWatchWouldReject() {
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("POWERTOOLS_METRICS_NAMESPACE", "launchpad orders")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POWERTOOLS_METRICS_NAMESPACE");
    }

    @Test
    void refusesAServiceNameThatCannotBeAMetricDimension() {
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("POWERTOOLS_SERVICE_NAME", "order service")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POWERTOOLS_SERVICE_NAME");
    }
}
