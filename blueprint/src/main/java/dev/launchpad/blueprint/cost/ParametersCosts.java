package dev.launchpad.blueprint.cost;

/** Configuration and feature flags in Parameter Store: standard parameters at standard throughput, free. */
final class ParametersCosts implements FeatureCosts {

    static final int CONFIG_PARAMETERS = 2;

    @Override
    public String feature() {
        return "parameters";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        int flags = s.listOption("parameters", "flags").size();
        int cacheSeconds = s.intOption("parameters", "cacheSeconds", 60);
        bill.add("SSM standard parameters", CONFIG_PARAMETERS + flags, "ssm.standardParameter",
                CONFIG_PARAMETERS + " settings + " + flags + " feature flags");
        double reads = cacheSeconds == 0 ? s.requests() : Math.min(s.requests(), Stack.API_FUNCTIONS * Stack.SECONDS / cacheSeconds);
        bill.add("SSM API calls", reads, "ssm.standardApiCalls", cacheSeconds == 0
                ? Num.of(s.requests()) + " invocations, each reading by path (cache time 0)"
                : "3 functions × " + Num.of(Stack.SECONDS) + " s ÷ " + cacheSeconds + " s cache, one read by path each");
    }
}
