package dev.launchpad.portal.cost;

import dev.launchpad.blueprint.cost.CostEstimate;
import dev.launchpad.blueprint.cost.CostLine;
import dev.launchpad.blueprint.cost.FeatureCost;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An estimate as the API returns it and the database keeps it: every line with its formula inputs. */
public final class EstimateJson {

    private EstimateJson() {
    }

    public static Map<String, Object> of(CostEstimate estimate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currency", "USD");
        body.put("region", estimate.region());
        body.put("priceRegion", estimate.priceRegion());
        body.put("fallbackPrices", estimate.fallbackPrices());
        body.put("pricesAsOf", estimate.pricesAsOf());
        body.put("priceSource", estimate.priceSource());
        body.put("assumptions", estimate.assumptions().values());
        body.put("environments", estimate.environments());
        body.put("perEnvironmentUsd", usd(estimate.perEnvironmentUsd()));
        body.put("allEnvironmentsUsd", usd(estimate.allEnvironmentsUsd()));
        body.put("features", estimate.features().stream().map(EstimateJson::feature).toList());
        body.put("notes", estimate.notes());
        return body;
    }

    private static Map<String, Object> feature(FeatureCost feature) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", feature.feature());
        f.put("title", feature.title());
        f.put("monthlyUsd", usd(feature.monthlyUsd()));
        f.put("lines", feature.lines().stream().map(EstimateJson::line).toList());
        f.put("notes", feature.notes());
        return f;
    }

    private static Map<String, Object> line(CostLine line) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("item", line.item());
        l.put("quantity", BigDecimal.valueOf(line.quantity()).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
        l.put("unit", line.unit());
        l.put("unitPrice", line.priceText());
        l.put("unitUsd", BigDecimal.valueOf(line.unitUsd()).stripTrailingZeros());
        l.put("priceKey", line.priceKey());
        l.put("formula", line.formula());
        l.put("calculation", line.calculation());
        l.put("monthlyUsd", usd(line.monthlyUsd()));
        return l;
    }

    /** Dollars to the hundredth of a cent: the sums stay checkable without showing float noise. */
    static BigDecimal usd(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    /** The per-feature figures of a stored estimate, for comparing with actual cost. */
    public static List<Map<String, Object>> features(Map<String, Object> estimate) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> features = (List<Map<String, Object>>) estimate.getOrDefault("features", List.of());
        return features;
    }
}
