package dev.launchpad.blueprint.cost;

import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.spec.ProjectSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates what a spec costs a month: each enabled feature's formulas, in catalog order, priced with the
 * region's list prices. Pure: the same spec, assumptions and price table give the same estimate.
 */
public final class CostModel {

    private static final List<FeatureCosts> FORMULAS = List.of(
            new CoreCosts(), new MonitoringCosts(), new BudgetsCosts(), new WafCosts(), new KinesisCosts(),
            new DynamoDbStreamsCosts(), new RedisCosts(), new ProvisionedConcurrencyCosts(), new SnapStartCosts(),
            new SecretsCosts(), new ParametersCosts(), new VpcEndpointsCosts(), new DynamoDbAutoscalingCosts());

    private final FeatureCatalog catalog;
    private final PriceTable prices;
    private final Map<String, FeatureCosts> byFeature = new LinkedHashMap<>();

    public CostModel(FeatureCatalog catalog, PriceTable prices) {
        this.catalog = catalog;
        this.prices = prices;
        FORMULAS.forEach(f -> byFeature.put(f.feature(), f));
    }

    public static CostModel load(FeatureCatalog catalog) {
        return new CostModel(catalog, PriceTable.load());
    }

    public PriceTable prices() {
        return prices;
    }

    /** Feature ids that have cost formulas. */
    public List<String> features() {
        return List.copyOf(byFeature.keySet());
    }

    /**
     * The estimate of one environment of {@code spec}, and of all its environments at the same traffic.
     * The assumptions must be valid for the spec (see {@link Assumptions#problemsWith}).
     */
    public CostEstimate estimate(ProjectSpec spec, Assumptions assumptions) {
        PriceTable.RegionPrices regionPrices = prices.forRegion(spec.region());
        Stack stack = new Stack(spec, assumptions, regionPrices);
        List<String> notes = new ArrayList<>();
        if (!regionPrices.region().equals(spec.region())) {
            notes.add("The price table has no prices for " + spec.region() + "; " + regionPrices.region()
                    + " prices are shown instead. Most regions cost the same or more, so read this as a lower bound.");
        }
        List<FeatureCost> features = new ArrayList<>();
        for (Feature feature : catalog.features()) {
            if (!spec.has(feature.id())) {
                continue;
            }
            FeatureCosts formulas = byFeature.get(feature.id());
            if (formulas == null) {
                notes.add("Feature " + feature.id() + " has no cost formulas yet; its cost is not included.");
                features.add(new FeatureCost(feature.id(), feature.title(), List.of(),
                        List.of("No cost formulas for this feature yet.")));
                continue;
            }
            Bill bill = new Bill(stack);
            formulas.contribute(stack, bill);
            features.add(new FeatureCost(feature.id(), feature.title(), bill.lines(), bill.notes()));
        }
        notes.add("List prices of " + prices.asOf() + " (" + prices.source() + "). " + prices.basis());
        notes.add("One environment at the assumed traffic; all " + spec.environments().size()
                + " environments at the same traffic is an upper bound, lower environments usually see less.");
        return new CostEstimate(spec.region(), regionPrices.region(), prices.asOf(), prices.source(), assumptions,
                features, spec.environments(), notes);
    }
}
