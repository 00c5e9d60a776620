package dev.launchpad.blueprint.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StackNamesTest {

    private final StackNames prod = new StackNames("order-service", "prod");

    @Test
    void everyNameOfAStackStartsWithServiceAndEnvironment() {
        assertThat(prod.prefix()).isEqualTo("order-service-prod-");
        assertThat(StackNames.DASHBOARDS).extracting(prod::dashboard)
                .containsExactly("order-service-prod-overview", "order-service-prod-business-metrics", "order-service-prod-performance");
        assertThat(prod.alertTopic("critical")).isEqualTo("order-service-prod-critical-alerts");
        assertThat(prod.budget()).isEqualTo("order-service-prod-monthly");
    }

    @Test
    void businessMetricsAreFoundByNamespaceAndServiceDimension() {
        assertThat(prod.metricsNamespace()).isEqualTo("launchpad/order-service");
        assertThat(StackNames.METRICS_DIMENSION).isEqualTo("Service");
        assertThat(prod.metricsServiceDimension()).isEqualTo("order-service-prod");
    }

    @Test
    void unknownDashboardKindsAndAlertTiersAreRefused() {
        assertThatThrownBy(() -> prod.dashboard("costs")).hasMessageContaining("overview");
        assertThatThrownBy(() -> prod.alertTopic("urgent")).hasMessageContaining("critical");
    }

    @Test
    void costIsFilteredByTheUserDefinedServiceTag() {
        assertThat(Tags.costAllocationFilter("order-service")).isEqualTo("user:launchpad:service$order-service");
        assertThat(Tags.STACK).containsExactly("launchpad:service", "launchpad:team", "launchpad:environment");
    }
}
