package dev.launchpad.blueprint.cost;

import java.util.ArrayList;
import java.util.List;

/** The lines and notes one feature contributes, with the shapes several features share. */
final class Bill {

    private final Stack stack;
    private final List<CostLine> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Bill(Stack stack) {
        this.stack = stack;
    }

    Bill add(String item, double quantity, String priceKey, String formula) {
        Price price = stack.price(priceKey);
        lines.add(CostLine.of(item, quantity, price, formula));
        if (price.unconfirmed()) {
            String note = "The rate for " + item + " (" + price.text() + ") is not yet confirmed against the AWS price"
                    + " list for this region; treat the line as approximate.";
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        return this;
    }

    Bill note(String note) {
        notes.add(note);
        return this;
    }

    /** Requests, compute and logs of a function invoked {@code invocations} times a month. */
    Bill function(String name, double invocations, String invocationsFormula) {
        add("Lambda requests: " + name, invocations, "lambda.requests", invocationsFormula);
        add("Lambda compute: " + name, invocations * stack.durationSeconds() * stack.memoryGb(), "lambda.arm64.duration",
                Num.of(invocations) + " invocations × " + Num.of(stack.durationSeconds()) + " s × "
                        + Num.of(stack.memoryGb()) + " GB (" + stack.memoryMb() + " MB, arm64)");
        double kb = invocations * stack.assumptions.logKbPerRequest();
        logs("Function logs: " + name, kb / Stack.KB_PER_GB, Num.of(invocations) + " invocations × "
                + Num.of(stack.assumptions.logKbPerRequest()) + " KB ÷ 1,048,576 KB per GB");
        return this;
    }

    /** Ingestion of {@code gb} of logs a month, and their storage once the retention period is full. */
    Bill logs(String item, double gb, String formula) {
        add(item + " (ingested)", gb, "logs.ingestGb", formula);
        int days = stack.logRetentionDays();
        add(item + " (stored)", gb * days / Stack.DAYS, "logs.storageGbMonth", Num.of(gb) + " GB a month × " + days
                + " days retention ÷ " + Num.of(Stack.DAYS) + " days a month, once the retention period is full"
                + " (billed compressed, so usually less)");
        return this;
    }

    /** Standard alarms, which exist only where monitoring is on. */
    Bill alarms(int count, String formula) {
        if (stack.monitoring() && count > 0) {
            add("CloudWatch alarms", count, "cloudwatch.alarm", formula);
        }
        return this;
    }

    Bill kmsKey(String what) {
        return add("KMS key: " + what, 1, "kms.key", "1 customer managed key");
    }

    /** On-demand request units of a table. */
    Bill onDemandTable(Stack.Table table) {
        add("DynamoDB writes: " + table.name() + " table", table.writeUnits(), "dynamodb.ondemand.write", table.writeFormula());
        if (table.readUnits() > 0) {
            add("DynamoDB reads: " + table.name() + " table", table.readUnits(), "dynamodb.ondemand.read", table.readFormula());
        }
        return this;
    }

    List<CostLine> lines() {
        return List.copyOf(lines);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }
}
