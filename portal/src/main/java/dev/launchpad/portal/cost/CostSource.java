package dev.launchpad.portal.cost;

import java.time.LocalDate;
import java.util.List;

/**
 * Where cost figures come from: AWS (Cost Explorer and Budgets) or the labelled demo data. Only the
 * background refresh calls a source; pages read what it stored.
 */
public interface CostSource {

    /** What the pages say the figures are: "demo data", or which AWS APIs. */
    String label();

    boolean demo();

    /** @param services the team's services in the catalog (the demo source invents figures for them) */
    TeamReport team(String team, List<CostedService> services, LocalDate today);

    OrgReport organisation(List<CostedService> services, LocalDate today);

    BudgetReport budgets(List<CostedService> services, LocalDate today);
}
