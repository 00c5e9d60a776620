package dev.launchpad.portal.cost;

import dev.launchpad.portal.cost.CostView.BudgetView;
import dev.launchpad.portal.cost.CostView.EstimateView;
import dev.launchpad.portal.cost.CostView.Freshness;
import dev.launchpad.portal.cost.CostView.MonthTable;
import dev.launchpad.portal.cost.CostView.Requests;
import java.util.List;

/** One service's cost: by feature, its budgets, and the estimate made at generation beside the actual. */
public record ServiceCostView(String service, String team, Freshness freshness, String month, double monthToDateUsd,
                              double lastMonthUsd, double projectedMonthUsd, MonthTable byFeature,
                              List<BudgetView> budgets, EstimateView estimate, List<Comparison> comparison,
                              Requests requests) {

    /** A feature's estimate (all environments) beside what it cost last month and is on course for now. */
    public record Comparison(String feature, String title, Double estimateUsd, double lastMonthUsd, double projectedMonthUsd) {
    }
}
