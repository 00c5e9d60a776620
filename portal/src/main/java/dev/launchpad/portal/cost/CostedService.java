package dev.launchpad.portal.cost;

import java.util.List;

/**
 * A published service as the cost side sees it: whose it is, its environments and features, and its
 * budget limit per environment (null without the budgets feature).
 */
public record CostedService(String name, String team, List<String> environments, List<String> features,
                            Integer budgetLimitUsd) {

    public CostedService {
        environments = List.copyOf(environments);
        features = List.copyOf(features);
    }
}
