package dev.launchpad.portal.cost;

import dev.launchpad.portal.cost.CostView.BudgetView;
import dev.launchpad.portal.cost.CostView.Chart;
import dev.launchpad.portal.cost.CostView.EstimateView;
import dev.launchpad.portal.cost.CostView.Freshness;
import dev.launchpad.portal.cost.CostView.MonthTable;
import dev.launchpad.portal.cost.CostView.Mover;
import dev.launchpad.portal.cost.CostView.Requests;
import java.util.List;

/**
 * A team's cost: this month to date and its forecast, six months by service and by feature, the daily trend,
 * the services that moved most, and each service's budgets and estimate next to its actual cost.
 */
public record TeamCostView(String team, String teamName, Freshness freshness, String month, double monthToDateUsd,
                           Double forecastMonthEndUsd, double lastMonthUsd, MonthTable byService, MonthTable byFeature,
                           Chart trend, List<Mover> movers, List<ServiceLine> services, Requests requests) {

    /** One service of the team: actual cost beside its budgets and its estimate. */
    public record ServiceLine(String name, String href, double monthToDateUsd, double lastMonthUsd,
                              double projectedMonthUsd, List<BudgetView> budgets, EstimateView estimate) {
    }
}
