package dev.launchpad.blueprint.cost;

/**
 * Change data capture: the streams of the users and orders tables feed a function that appends each change
 * to an event store and keeps an order-summary projection.
 */
final class DynamoDbStreamsCosts implements FeatureCosts {

    /** Lambda polls each shard of a DynamoDB stream four times a second. */
    static final double POLLS_PER_SECOND = 4;
    static final int STREAMS = 2;

    @Override
    public String feature() {
        return "dynamodb-streams";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        double changes = s.changes();
        int batch = s.intOption("dynamodb-streams", "batchSize", 100);
        double polls = STREAMS * POLLS_PER_SECOND * Stack.SECONDS;
        double invocations = Math.max(Math.ceil(changes / batch), Math.min(changes, polls));
        bill.function("change-capture", invocations, Num.of(changes) + " changes (one per API write): at least one"
                + " invocation per batch of " + batch + ", at most one per change");
        for (Stack.Table table : s.tablesOf("dynamodb-streams")) {
            bill.onDemandTable(table);
        }
        double grows = changes * s.assumptions.payloadKb() / Stack.KB_PER_GB;
        bill.add("DynamoDB storage: event store", grows, "dynamodb.storage", Num.of(changes) + " changes × "
                + Num.of(s.assumptions.payloadKb()) + " KB ÷ 1,048,576 KB per GB, added every month");
        bill.alarms(2, "1 function × 2 (errors, p99 duration)");
        bill.note("Reading a table's stream is free when Lambda does it; the event store grows by the month.");
    }
}
