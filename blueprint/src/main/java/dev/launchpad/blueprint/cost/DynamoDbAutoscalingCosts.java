package dev.launchpad.blueprint.cost;

/**
 * Provisioned capacity instead of on-demand requests for every table of the stack. The autoscaler keeps
 * consumed capacity near the target share of provisioned capacity, between the floor and the ceiling.
 */
final class DynamoDbAutoscalingCosts implements FeatureCosts {

    /** Target tracking on DynamoDB makes four alarms per scalable dimension (high, low, and capacity high and low). */
    static final int TARGET_TRACKING_ALARMS_PER_TABLE = 2 * 4;

    @Override
    public String feature() {
        return "dynamodb-autoscaling";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        int min = s.intOption("dynamodb-autoscaling", "minCapacity", 5);
        int max = s.intOption("dynamodb-autoscaling", "maxCapacity", 100);
        int target = s.intOption("dynamodb-autoscaling", "targetUtilization", 70);
        double wcu = 0;
        double rcu = 0;
        double writeUnits = 0;
        double readUnits = 0;
        StringBuilder wFormula = new StringBuilder();
        StringBuilder rFormula = new StringBuilder();
        var tables = s.tables();
        for (Stack.Table t : tables) {
            double w = capacity(t.writeUnits(), target, min, max);
            double r = capacity(t.readUnits(), target, min, max);
            wcu += w;
            rcu += r;
            writeUnits += t.writeUnits();
            readUnits += t.readUnits();
            wFormula.append(wFormula.isEmpty() ? "" : " + ").append(t.name()).append(' ').append(Num.of(w));
            rFormula.append(rFormula.isEmpty() ? "" : " + ").append(t.name()).append(' ').append(Num.of(r));
        }
        String rule = "each table: units consumed a second ÷ " + target + "% target, rounded up, between " + min
                + " and " + max;
        bill.add("DynamoDB write capacity", wcu * Stack.HOURS, "dynamodb.provisioned.wcu",
                "(" + wFormula + ") WCU × " + Num.of(Stack.HOURS) + " hours; " + rule);
        bill.add("DynamoDB read capacity", rcu * Stack.HOURS, "dynamodb.provisioned.rcu",
                "(" + rFormula + ") RCU × " + Num.of(Stack.HOURS) + " hours; " + rule);
        bill.add("DynamoDB on-demand writes (replaced)", -writeUnits, "dynamodb.ondemand.write",
                "−" + Num.of(writeUnits) + " write request units of " + tables.size() + " tables no longer billed per request");
        bill.add("DynamoDB on-demand reads (replaced)", -readUnits, "dynamodb.ondemand.read",
                "−" + Num.of(readUnits) + " read request units of " + tables.size() + " tables no longer billed per request");
        bill.add("Target tracking alarms", tables.size() * TARGET_TRACKING_ALARMS_PER_TABLE, "cloudwatch.alarm",
                tables.size() + " tables × 2 dimensions (read, write) × 4 alarms Application Auto Scaling creates");
        bill.alarms(2 * 2, "2 tables × 2 (read and write capacity headroom)");
        bill.note("Steady traffic assumed: bursts above the provisioned capacity throttle until the autoscaler catches up.");
    }

    /** Provisioned units that keep the average consumption at the target share. */
    static double capacity(double unitsPerMonth, int targetPercent, int min, int max) {
        double needed = Math.ceil(unitsPerMonth / Stack.SECONDS / (targetPercent / 100.0));
        return Math.max(min, Math.min(max, needed));
    }
}
