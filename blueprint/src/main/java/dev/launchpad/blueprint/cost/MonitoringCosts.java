package dev.launchpad.blueprint.cost;

/**
 * Alert topics, alarms and dashboards of the monitoring feature. Alarms that exist because of another
 * feature (its functions, streams, cache nodes) are billed under that feature.
 */
final class MonitoringCosts implements FeatureCosts {

    @Override
    public String feature() {
        return "monitoring";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        int functionAlarms = Stack.API_FUNCTIONS * 2;
        int apiAlarms = 2;
        int tableAlarms = 2 * 2;
        bill.alarms(functionAlarms + apiAlarms + tableAlarms, "3 functions × 2 (errors, p99 duration) + API 2 (5XX,"
                + " p99 latency) + 2 tables × 2 (read and write throttles) = " + (functionAlarms + apiAlarms + tableAlarms));
        bill.add("CloudWatch dashboards", 3, "cloudwatch.dashboard", "3 dashboards: overview, business metrics, performance");
        bill.kmsKey("alert topics");
        bill.note("The three SNS alert topics cost nothing while idle; an alarm's email is within the free 1,000 a month.");
    }
}
