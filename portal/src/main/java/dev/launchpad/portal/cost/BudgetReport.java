package dev.launchpad.portal.cost;

import java.util.List;

/** The account's monthly service budgets, {@code <service>-<environment>-monthly}, with this month's spend. */
public record BudgetReport(List<Budget> budgets) {

    public BudgetReport {
        budgets = List.copyOf(budgets);
    }

    /** @param forecastUsd null when AWS has no forecast yet */
    public record Budget(String name, double limitUsd, double actualUsd, Double forecastUsd) {
    }
}
