package dev.launchpad.blueprint.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Validation;
import org.junit.jupiter.api.Test;

class CostModelTest {

    static final Blueprint BLUEPRINT = Blueprint.load();

    static ProjectSpec spec(String region, String features) {
        String json = "{\"name\": \"order-service\", \"team\": \"payments\", \"description\": \"Takes orders\", \"region\": \""
                + region + "\", \"environments\": [\"dev\", \"staging\", \"prod\"]" + (features == null ? "" : ", \"features\": " + features) + "}";
        return ((Validation.Valid) BLUEPRINT.validate(json)).spec();
    }

    @Test
    void theEstimateListsTheEnabledFeaturesInCatalogOrderAndAddsThemUp() {
        CostEstimate estimate = BLUEPRINT.costs().estimate(spec("us-east-1", null), Assumptions.DEFAULTS);

        assertThat(estimate.features()).extracting(FeatureCost::feature).containsExactly("core", "monitoring", "budgets");
        double sum = estimate.features().stream().mapToDouble(FeatureCost::monthlyUsd).sum();
        assertThat(estimate.perEnvironmentUsd()).isCloseTo(sum, within(1e-9));
        assertThat(estimate.allEnvironmentsUsd()).isCloseTo(3 * sum, within(1e-9));
    }

    @Test
    void everyLineShowsItsQuantityUnitPriceAndFormula() {
        CostEstimate estimate = BLUEPRINT.costs().estimate(spec("us-east-1", null), Assumptions.DEFAULTS);

        CostLine compute = estimate.features().getFirst().lines().stream()
                .filter(l -> l.item().equals("Lambda compute")).findFirst().orElseThrow();
        // defaults: 1,000,000 requests × 0.2 s × 1 GB = 200,000 GB-s × $0.0000133334 = $2.66668
        assertThat(compute.quantity()).isEqualTo(200_000);
        assertThat(compute.unit()).isEqualTo("GB-second");
        assertThat(compute.priceText()).isEqualTo("$0.0000133334 per GB-second");
        assertThat(compute.formula()).isEqualTo("1,000,000 invocations × 0.2 s × 1 GB (1024 MB, arm64)");
        assertThat(compute.calculation()).isEqualTo("200,000 GB-second × $0.0000133334 per GB-second = $2.67");
    }

    @Test
    void irelandIsPricedWithItsOwnTable() {
        CostEstimate ireland = BLUEPRINT.costs().estimate(spec("eu-west-1", null), Assumptions.DEFAULTS);
        CostEstimate virginia = BLUEPRINT.costs().estimate(spec("us-east-1", null), Assumptions.DEFAULTS);

        assertThat(ireland.priceRegion()).isEqualTo("eu-west-1");
        assertThat(ireland.fallbackPrices()).isFalse();
        // the HTTP API costs $1.11 per million in Ireland, $1.00 in Virginia
        assertThat(line(ireland, "API Gateway HTTP API requests").monthlyUsd()).isCloseTo(1.11, within(1e-9));
        assertThat(line(virginia, "API Gateway HTTP API requests").monthlyUsd()).isCloseTo(1.00, within(1e-9));
    }

    @Test
    void aRegionWithoutATableIsPricedWithUsEast1AndSaysSo() {
        CostEstimate frankfurt = BLUEPRINT.costs().estimate(spec("eu-central-1", null), Assumptions.DEFAULTS);
        CostEstimate virginia = BLUEPRINT.costs().estimate(spec("us-east-1", null), Assumptions.DEFAULTS);

        assertThat(frankfurt.region()).isEqualTo("eu-central-1");
        assertThat(frankfurt.priceRegion()).isEqualTo("us-east-1");
        assertThat(frankfurt.fallbackPrices()).isTrue();
        assertThat(frankfurt.notes().getFirst()).contains("no prices for eu-central-1").contains("us-east-1 prices are shown");
        assertThat(frankfurt.perEnvironmentUsd()).isEqualTo(virginia.perEnvironmentUsd());
    }

    @Test
    void aLinePricedWithAnUnconfirmedRateSaysSoInItsFeaturesNotes() {
        String kinesis = "{\"kinesis\": {}}";
        FeatureCost ireland = feature(BLUEPRINT.costs().estimate(spec("eu-west-1", kinesis), Assumptions.DEFAULTS), "kinesis");
        FeatureCost virginia = feature(BLUEPRINT.costs().estimate(spec("us-east-1", kinesis), Assumptions.DEFAULTS), "kinesis");

        assertThat(ireland.notes()).anySatisfy(n -> assertThat(n)
                .startsWith("The rate for Kinesis on-demand stream-hours ($0.044 per stream-hour) is not yet confirmed"));
        assertThat(virginia.notes()).noneSatisfy(n -> assertThat(n).contains("not yet confirmed"));
    }

    private static FeatureCost feature(CostEstimate estimate, String id) {
        return estimate.features().stream().filter(f -> f.feature().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theSameSpecAndAssumptionsGiveTheSameEstimate() {
        ProjectSpec spec = spec("eu-west-1", "{\"kinesis\": {}, \"waf\": {}, \"monitoring\": {}}");

        assertThat(BLUEPRINT.costs().estimate(spec, Assumptions.DEFAULTS))
                .isEqualTo(BLUEPRINT.costs().estimate(spec, Assumptions.DEFAULTS));
    }

    @Test
    void everyPriceAFormulaUsesIsInTheTableOfEveryRegion() {
        String all = "{\"monitoring\": {}, \"budgets\": {}, \"waf\": {\"allowedIpCidrs\": [\"203.0.113.0/24\"]},"
                + " \"kinesis\": {\"retentionHours\": 200}, \"dynamodb-streams\": {}, \"redis\": {}, \"vpc-endpoints\": {},"
                + " \"provisioned-concurrency\": {}, \"secrets\": {\"rotationDays\": 7, \"replicaRegion\": \"us-west-2\"},"
                + " \"parameters\": {}, \"dynamodb-autoscaling\": {}}";
        for (String region : BLUEPRINT.costs().prices().regions()) {
            CostEstimate estimate = BLUEPRINT.costs().estimate(spec(region, all), Assumptions.DEFAULTS);
            assertThat(estimate.features()).hasSize(12);
            assertThat(estimate.perEnvironmentUsd()).as(region).isPositive();
        }
    }

    private static CostLine line(CostEstimate estimate, String item) {
        return estimate.features().stream().flatMap(f -> f.lines().stream()).filter(l -> l.item().equals(item))
                .findFirst().orElseThrow();
    }
}
