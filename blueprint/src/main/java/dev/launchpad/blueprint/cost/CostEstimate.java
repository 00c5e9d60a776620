package dev.launchpad.blueprint.cost;

import java.util.List;

/**
 * The monthly cost of a spec under some assumptions: per feature for one environment, and for all of the
 * spec's environments if each gets the same traffic.
 *
 * @param region      the spec's region
 * @param priceRegion the region whose prices were used: {@code region}, or the fallback when the table has no
 *                    prices for it (then {@code notes} says so)
 * @param pricesAsOf  the date of the price table
 * @param priceSource where the prices come from
 */
public record CostEstimate(String region, String priceRegion, String pricesAsOf, String priceSource,
                           Assumptions assumptions, List<FeatureCost> features, List<String> environments,
                           List<String> notes) {

    public CostEstimate {
        features = List.copyOf(features);
        environments = List.copyOf(environments);
        notes = List.copyOf(notes);
    }

    /** One environment at the assumed traffic. */
    public double perEnvironmentUsd() {
        return features.stream().mapToDouble(FeatureCost::monthlyUsd).sum();
    }

    /** Every environment at the assumed traffic: an upper bound, since lower environments usually see less. */
    public double allEnvironmentsUsd() {
        return perEnvironmentUsd() * environments.size();
    }

    public boolean fallbackPrices() {
        return !region.equals(priceRegion);
    }
}
