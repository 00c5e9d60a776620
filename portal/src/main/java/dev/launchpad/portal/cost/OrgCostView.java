package dev.launchpad.portal.cost;

import dev.launchpad.portal.cost.CostView.Chart;
import dev.launchpad.portal.cost.CostView.Freshness;
import dev.launchpad.portal.cost.CostView.MonthTable;
import dev.launchpad.portal.cost.CostView.Requests;

/**
 * Every team's cost for six months, this month to date, and the sum of the teams' forecasts.
 *
 * @param untaggedMonthToDateUsd this month's cost in the account without a launchpad:team tag: not Launchpad's,
 *                               left out of the totals
 */
public record OrgCostView(Freshness freshness, String month, double monthToDateUsd, double lastMonthUsd,
                          Double forecastMonthEndUsd, double untaggedMonthToDateUsd, MonthTable byTeam, Chart trend,
                          Requests requests) {
}
