package dev.launchpad.blueprint.cost;

/**
 * The service itself: three functions behind an HTTP API, two on-demand tables with point-in-time
 * recovery and their KMS key, logs, and X-Ray traces.
 */
final class CoreCosts implements FeatureCosts {

    /** X-Ray's default sampling rule: the first request each second, then 5% of the rest. */
    static final double XRAY_RESERVOIR_PER_SECOND = 1;
    static final double XRAY_RATE = 0.05;

    /** DynamoDB asks KMS for a table's data key about every 5 minutes while the table is in use. */
    static final double KMS_REQUESTS_PER_TABLE = 12 * Stack.HOURS;

    @Override
    public String feature() {
        return "core";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        double requests = s.requests();
        String perRequest = Num.of(requests) + " API requests, one function invocation each";
        bill.add("Lambda requests", requests, "lambda.requests", perRequest);
        bill.add("Lambda compute", requests * s.durationSeconds() * s.memoryGb(), "lambda.arm64.duration",
                Num.of(requests) + " invocations × " + Num.of(s.durationSeconds()) + " s × " + Num.of(s.memoryGb())
                        + " GB (" + s.memoryMb() + " MB, arm64)");
        bill.add("API Gateway HTTP API requests", requests, "apigateway.http.requests", Num.of(requests) + " requests");

        for (Stack.Table table : s.tablesOf("core")) {
            bill.onDemandTable(table);
        }
        double gb = s.assumptions.storedDataGb();
        bill.add("DynamoDB storage", gb, "dynamodb.storage", Num.of(gb) + " GB stored in the users and orders tables");
        bill.add("DynamoDB point-in-time recovery", gb, "dynamodb.pitr", Num.of(gb) + " GB of table data backed up continuously");
        bill.kmsKey("tables");
        bill.add("KMS requests: tables", 2 * KMS_REQUESTS_PER_TABLE, "kms.requests",
                "2 tables × 12 data key requests an hour × " + Num.of(Stack.HOURS) + " hours");

        double logKb = requests * (s.assumptions.logKbPerRequest() + Stack.ACCESS_LOG_KB);
        bill.logs("Function and API access logs", logKb / Stack.KB_PER_GB, Num.of(requests) + " requests × ("
                + Num.of(s.assumptions.logKbPerRequest()) + " KB function log + " + Num.of(Stack.ACCESS_LOG_KB)
                + " KB access log) ÷ 1,048,576 KB per GB");

        double reservoir = XRAY_RESERVOIR_PER_SECOND * Stack.SECONDS;
        double traced = Math.min(requests, reservoir) + XRAY_RATE * Math.max(0, requests - reservoir);
        bill.add("X-Ray traces", traced, "xray.traces", "default sampling: the first request each second ("
                + "up to " + Num.of(reservoir) + " a month) + 5% of the rest, of " + Num.of(requests) + " requests");
        bill.note("Data transfer out to the internet is not included: API responses of "
                + Num.of(s.assumptions.payloadKb()) + " KB are usually within the free 100 GB a month.");
    }
}
