package dev.launchpad.blueprint.cost;

/**
 * Three encrypted streams (order events, user activity, security events), the two functions that read
 * order events, their dead-letter queues, the processed-events table, shard-level metrics and alarms.
 */
final class KinesisCosts implements FeatureCosts {

    static final int STREAMS = 3;
    static final int CONSUMERS = 2;
    static final int SHARD_LEVEL_METRICS = 3;
    /** Producers and readers of 3 streams and 2 queues each ask for a data key about every 5 minutes. */
    static final double KMS_REQUESTS = (STREAMS * 2 + CONSUMERS) * 12 * Stack.HOURS;
    /** Alarms of the stream-alarms module (3 per stream, 2 per consumer, 1 per queue) and 2 on publishing. */
    static final int ALARMS = STREAMS * 3 + CONSUMERS * 2 + CONSUMERS + 2 + CONSUMERS * 2;

    @Override
    public String feature() {
        return "kinesis";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        boolean provisioned = "PROVISIONED".equals(s.textOption("kinesis", "streamMode", "ON_DEMAND"));
        int shards = s.shardsPerStream();
        int retention = s.intOption("kinesis", "retentionHours", 24);
        double records = s.streamRecords();
        double kb = s.assumptions.payloadKb();
        String recordsFormula = Num.of(s.assumptions.streamRecordsPerSecond()) + " records/s × "
                + Num.of(Stack.SECONDS) + " s";
        double gbPerMonth = records * kb / Stack.KB_PER_GB;

        if (provisioned) {
            bill.add("Kinesis shard-hours", STREAMS * shards * Stack.HOURS, "kinesis.provisioned.shardHour",
                    STREAMS + " streams × " + shards + " shards × " + Num.of(Stack.HOURS) + " hours");
            double units = Math.ceil(kb / 25);
            bill.add("Kinesis PUT payload units", records * units, "kinesis.provisioned.putUnits",
                    recordsFormula + " × " + Num.of(units) + " unit(s) per " + Num.of(kb) + " KB record (25 KB units)");
            if (retention > 24) {
                bill.add("Kinesis extended retention", STREAMS * shards * Stack.HOURS,
                        "kinesis.provisioned.extendedRetentionShardHour", STREAMS + " streams × " + shards
                                + " shards × " + Num.of(Stack.HOURS) + " hours (retention " + retention + " h > 24 h)");
            }
        } else {
            bill.add("Kinesis on-demand stream-hours", STREAMS * Stack.HOURS, "kinesis.ondemand.streamHour",
                    STREAMS + " streams × " + Num.of(Stack.HOURS) + " hours");
            double billedKb = Math.ceil(kb);
            double inGb = records * billedKb / Stack.KB_PER_GB;
            bill.add("Kinesis data in", inGb, "kinesis.ondemand.ingestGb", recordsFormula + " × " + Num.of(billedKb)
                    + " KB (records rounded up to 1 KB) ÷ 1,048,576 KB per GB");
            bill.add("Kinesis data out", inGb, "kinesis.ondemand.retrievalGb",
                    "half the records are order events, each read by 2 consumers: the same " + Num.of(inGb) + " GB");
            if (retention > 24) {
                double hours = Math.min(retention, 168) - 24;
                bill.add("Kinesis extended retention", gbPerMonth / Stack.HOURS * hours,
                        "kinesis.ondemand.extendedRetentionGbMonth", Num.of(gbPerMonth) + " GB a month ÷ "
                                + Num.of(Stack.HOURS) + " h × " + Num.of(hours) + " h kept beyond 24 h");
            }
        }
        if (retention > 168) {
            bill.add("Kinesis long-term retention", gbPerMonth / Stack.HOURS * (retention - 168),
                    "kinesis.longTermRetentionGbMonth", Num.of(gbPerMonth) + " GB a month ÷ " + Num.of(Stack.HOURS)
                            + " h × " + (retention - 168) + " h kept beyond 7 days");
        }

        // Lambda polls each shard about once a second and invokes with what has arrived, up to the batch size.
        int batch = s.intOption("kinesis", "batchSize", 100);
        double events = s.orderEvents();
        double polls = shards * Stack.KINESIS_POLLS_PER_SECOND * Stack.SECONDS;
        double invocations = Math.max(Math.ceil(events / batch), Math.min(events, polls));
        String invocationsFormula = Num.of(events) + " order events (half of " + Num.of(records)
                + " records): at least one invocation per batch of " + batch + ", at most one per record, and about one"
                + " a second per shard (" + shards + " shards) while records arrive";
        bill.function("order-events-consumer", invocations, invocationsFormula);
        bill.function("order-window-aggregator", invocations, invocationsFormula);
        for (Stack.Table table : s.tablesOf("kinesis")) {
            bill.onDemandTable(table);
        }
        bill.kmsKey("streams and queues");
        bill.add("KMS requests: streams and queues", KMS_REQUESTS, "kms.requests",
                "(3 streams × 2 (producer, reader) + 2 queues) × 12 data key requests an hour × " + Num.of(Stack.HOURS)
                        + " hours");
        bill.add("Shard-level metrics", SHARD_LEVEL_METRICS * STREAMS * shards, "cloudwatch.metric",
                SHARD_LEVEL_METRICS + " metrics × " + STREAMS + " streams × " + shards + " shards"
                        + (provisioned ? "" : " (on-demand streams start with " + Stack.ON_DEMAND_STARTING_SHARDS + ")"));
        bill.alarms(ALARMS, "3 streams × 3 + 2 consumers × 2 + 2 queues + 2 publish failures + 2 functions × 2 = " + ALARMS);
        bill.note("The dead-letter queues are billed per message; only batches that fail every retry arrive there.");
    }
}
