package dev.launchpad.blueprint.contract;

import java.util.List;

/**
 * The tags a generated stack puts on its resources and the portal reads them by: service, team and
 * environment on everything (provider default_tags), feature on what exists because of a feature.
 */
public final class Tags {

    public static final String SERVICE = "launchpad:service";
    public static final String TEAM = "launchpad:team";
    public static final String ENVIRONMENT = "launchpad:environment";
    public static final String FEATURE = "launchpad:feature";

    /** The tags on every resource of a stack. */
    public static final List<String> STACK = List.of(SERVICE, TEAM, ENVIRONMENT);

    private Tags() {
    }

    /**
     * The Budgets and Cost Explorer filter value for a service's cost, {@code user:launchpad:service$<service>}:
     * user-defined cost allocation tags are named with the {@code user:} prefix.
     */
    public static String costAllocationFilter(String service) {
        return "user:" + SERVICE + "$" + service;
    }
}
