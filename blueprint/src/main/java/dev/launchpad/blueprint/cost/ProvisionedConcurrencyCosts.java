package dev.launchpad.blueprint.cost;

/**
 * Warm instances of the three API functions: billed per GB-second provisioned, while the invocations they
 * serve pay a lower duration price than on-demand ones.
 */
final class ProvisionedConcurrencyCosts implements FeatureCosts {

    @Override
    public String feature() {
        return "provisioned-concurrency";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        int min = s.intOption("provisioned-concurrency", "min", 5);
        double gbSeconds = Stack.API_FUNCTIONS * min * s.memoryGb() * Stack.SECONDS;
        bill.add("Provisioned concurrency", gbSeconds, "lambda.arm64.provisioned", Stack.API_FUNCTIONS + " functions × "
                + min + " instances (the minimum) × " + Num.of(s.memoryGb()) + " GB × " + Num.of(Stack.SECONDS) + " s");
        double used = s.requests() * s.durationSeconds() * s.memoryGb();
        String usedFormula = Num.of(s.requests()) + " invocations × " + Num.of(s.durationSeconds()) + " s × "
                + Num.of(s.memoryGb()) + " GB";
        bill.add("Lambda compute on provisioned instances", used, "lambda.arm64.provisionedDuration", usedFormula);
        bill.add("Lambda compute on demand (replaced)", -used, "lambda.arm64.duration", "−" + usedFormula
                + " no longer billed at the on-demand price");
        // Target tracking makes two alarms per policy (high and low); they are billed like any alarm.
        bill.add("Target tracking alarms", Stack.API_FUNCTIONS * 2, "cloudwatch.alarm",
                Stack.API_FUNCTIONS + " scaling policies × 2 alarms Application Auto Scaling creates");
        bill.alarms(Stack.API_FUNCTIONS * 2, "3 functions × 2 (utilisation, spillover)");
        bill.note("Priced at the minimum of " + min + " instances a function; every instance the autoscaler adds"
                + " (up to " + s.intOption("provisioned-concurrency", "max", 100) + ") adds "
                + "$" + Num.usd(s.memoryGb() * Stack.SECONDS * s.price("lambda.arm64.provisioned").unitUsd())
                + " a month. Invocations are assumed to fit on the warm instances.");
    }
}
