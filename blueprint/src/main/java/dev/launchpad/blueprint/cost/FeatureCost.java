package dev.launchpad.blueprint.cost;

import java.util.List;

/**
 * What one feature adds to a month's bill of one environment: its lines and their sum. Lines are put under
 * the feature that causes them (a feature's consumers, alarms and keys included), so turning a feature off
 * takes away exactly its subtotal.
 */
public record FeatureCost(String feature, String title, List<CostLine> lines, List<String> notes) {

    public FeatureCost {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    public double monthlyUsd() {
        return lines.stream().mapToDouble(CostLine::monthlyUsd).sum();
    }
}
