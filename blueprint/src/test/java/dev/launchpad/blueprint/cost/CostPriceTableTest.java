package dev.launchpad.blueprint.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CostPriceTableTest {

    @Test
    void theTableIsDatedSourcedAndCoversUsEast1AndEuWest1() {
        PriceTable table = PriceTable.load();

        assertThat(table.asOf()).matches("2026-\\d\\d-\\d\\d");
        assertThat(table.source()).isEqualTo("AWS Price List (pricing.us-east-1.amazonaws.com offer files / public pricing pages)");
        assertThat(table.regions()).contains("eu-west-1", "us-east-1");
        assertThat(table.exactly("eu-central-1")).isEmpty();
        assertThat(table.forRegion("eu-central-1").region()).isEqualTo("us-east-1");
    }

    @Test
    void pricesReadAsPublished() {
        PriceTable.RegionPrices prices = PriceTable.load().forRegion("us-east-1");

        assertThat(prices.price("lambda.requests").text()).isEqualTo("$0.20 per 1,000,000 requests");
        assertThat(prices.price("lambda.requests").unitUsd()).isCloseTo(0.0000002, within(1e-15));
        assertThat(prices.price("kms.requests").text()).isEqualTo("$0.03 per 10,000 requests");
        assertThat(prices.price("waf.webAcl").text()).isEqualTo("$5.00 per web ACL-month");
        assertThat(prices.price("lambda.snapstart.java").usd()).isZero();
    }

    @Test
    void aRegionThatListsOtherPricesThanTheRestIsRefused() {
        Price p = new Price("a", 1, 1, "thing", "offer", null);
        Price q = new Price("b", 1, 1, "thing", "offer", null);

        assertThatThrownBy(() -> new PriceTable("2026-01-01", "s", "b", Map.of("us-east-1", Map.of("a", p),
                "eu-west-1", Map.of("a", p, "b", q)))).hasMessageContaining("differing: [b]");
    }
}
