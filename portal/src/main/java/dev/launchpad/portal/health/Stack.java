package dev.launchpad.portal.health;

import dev.launchpad.blueprint.contract.StackNames;

/** One service in one environment: what the generated Terraform deploys, tags and names together. */
public record Stack(String service, String environment) {

    public StackNames names() {
        return new StackNames(service, environment);
    }

    /** {@code order-service-prod-}: every alarm of the stack starts with it. */
    public String prefix() {
        return names().prefix();
    }
}
