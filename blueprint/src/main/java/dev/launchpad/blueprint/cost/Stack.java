package dev.launchpad.blueprint.cost;

import dev.launchpad.blueprint.spec.ProjectSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One environment of a service as the cost formulas see it: the spec's features and options, the
 * assumptions, the region's prices, and the quantities that several features derive from them.
 */
final class Stack {

    /** Hours in a month as AWS prices monthly figures. */
    static final double HOURS = 730;
    static final double SECONDS = HOURS * 3600;
    static final double DAYS = HOURS / 24;
    static final double KB_PER_GB = 1024 * 1024;

    /** The functions behind the API routes: health, users and orders. */
    static final int API_FUNCTIONS = 3;

    /** Lambda invokes a Kinesis consumer about once a second per shard when records keep arriving. */
    static final double KINESIS_POLLS_PER_SECOND = 1;

    /** A new on-demand stream starts with the write capacity of four shards (4 MB/s, 4,000 records/s). */
    static final int ON_DEMAND_STARTING_SHARDS = 4;

    /** The access log line of one API request (14 JSON fields). */
    static final double ACCESS_LOG_KB = 0.5;

    /** A table of the stack, the feature that adds it, and the request units it uses a month. */
    record Table(String name, String feature, double writeUnits, double readUnits, String writeFormula,
                 String readFormula) {
    }

    final ProjectSpec spec;
    final Assumptions assumptions;
    final PriceTable.RegionPrices prices;

    Stack(ProjectSpec spec, Assumptions assumptions, PriceTable.RegionPrices prices) {
        this.spec = spec;
        this.assumptions = assumptions;
        this.prices = prices;
    }

    boolean has(String feature) {
        return spec.has(feature);
    }

    boolean monitoring() {
        return has("monitoring");
    }

    Map<String, Object> options(String feature) {
        return spec.options(feature);
    }

    int intOption(String feature, String option, int fallback) {
        return options(feature).get(option) instanceof Number n ? n.intValue() : fallback;
    }

    String textOption(String feature, String option, String fallback) {
        Object v = options(feature).get(option);
        return v == null ? fallback : v.toString();
    }

    boolean boolOption(String feature, String option, boolean fallback) {
        return options(feature).get(option) instanceof Boolean b ? b : fallback;
    }

    List<?> listOption(String feature, String option) {
        return options(feature).get(option) instanceof List<?> list ? list : List.of();
    }

    Price price(String key) {
        return prices.price(key);
    }

    double requests() {
        return assumptions.requestsPerMonth();
    }

    int memoryMb() {
        return intOption("core", "memoryMb", 1024);
    }

    double memoryGb() {
        return memoryMb() / 1024.0;
    }

    double durationSeconds() {
        return assumptions.avgDurationMs() / 1000.0;
    }

    int logRetentionDays() {
        return Integer.parseInt(textOption("core", "logRetentionDays", "30"));
    }

    double writes() {
        return requests() * assumptions.writePercent() / 100.0;
    }

    double reads() {
        return requests() - writes();
    }

    /** A write of one item costs one write request unit per started KB. */
    double writeUnitsPerItem() {
        return Math.ceil(assumptions.payloadKb());
    }

    /** An eventually consistent read (GetItem's default) costs half a read request unit per started 4 KB. */
    double readUnitsPerItem() {
        return Math.ceil(assumptions.payloadKb() / 4) * 0.5;
    }

    /** Records a month written to the Kinesis streams. */
    double streamRecords() {
        return assumptions.streamRecordsPerSecond() * SECONDS;
    }

    /** Half the records are order events, the ones the consumers read. */
    double orderEvents() {
        return streamRecords() / 2;
    }

    /** Shards of each stream: the option in provisioned mode, the starting capacity on demand. */
    int shardsPerStream() {
        return "PROVISIONED".equals(textOption("kinesis", "streamMode", "ON_DEMAND"))
                ? intOption("kinesis", "shardCount", 1) : ON_DEMAND_STARTING_SHARDS;
    }

    /** Item changes a month in the users and orders tables: one per API write. */
    double changes() {
        return writes();
    }

    /** Every table of the stack with the request units it uses, as the enabled features make them. */
    List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        String w = Num.of(writeUnitsPerItem()) + " WRU per " + Num.of(assumptions.payloadKb()) + " KB item";
        String r = Num.of(readUnitsPerItem()) + " RRU per eventually consistent read of a "
                + Num.of(assumptions.payloadKb()) + " KB item";
        for (String name : List.of("users", "orders")) {
            tables.add(new Table(name, "core", writes() / 2 * writeUnitsPerItem(), reads() / 2 * readUnitsPerItem(),
                    Num.of(writes() / 2) + " writes (half of " + Num.of(writes()) + ") × " + w,
                    Num.of(reads() / 2) + " reads (half of " + Num.of(reads()) + ") × " + r));
        }
        if (has("kinesis")) {
            tables.add(new Table("processed-order-events", "kinesis", orderEvents(), orderEvents() * 0.5,
                    Num.of(orderEvents()) + " order events × 1 WRU (a small marker item)",
                    Num.of(orderEvents()) + " order events × 0.5 RRU (checked before processing)"));
        }
        if (has("dynamodb-streams")) {
            tables.add(new Table("event-store", "dynamodb-streams", changes() * writeUnitsPerItem(), 0,
                    Num.of(changes()) + " changes appended × " + w, "not read by the service"));
            tables.add(new Table("order-summary", "dynamodb-streams", changes() / 2, changes() / 2 * 0.5,
                    Num.of(changes() / 2) + " order changes × 1 WRU", Num.of(changes() / 2) + " order changes × 0.5 RRU"));
        }
        return tables;
    }

    List<Table> tablesOf(String feature) {
        return tables().stream().filter(t -> t.feature().equals(feature)).toList();
    }
}
