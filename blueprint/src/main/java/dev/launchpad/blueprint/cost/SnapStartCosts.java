package dev.launchpad.blueprint.cost;

/** SnapStart on the Java functions: free for Java managed runtimes. */
final class SnapStartCosts implements FeatureCosts {

    @Override
    public String feature() {
        return "snapstart";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        double cached = Stack.API_FUNCTIONS * s.memoryGb() * Stack.SECONDS;
        bill.add("SnapStart cache and restore (Java)", cached, "lambda.snapstart.java", Stack.API_FUNCTIONS
                + " functions × " + Num.of(s.memoryGb()) + " GB × " + Num.of(Stack.SECONDS)
                + " s cached; Java managed runtimes pay nothing for SnapStart");
        bill.note("SnapStart's cache and restore charges apply to Python and .NET functions only; for Java it is free.");
    }
}
