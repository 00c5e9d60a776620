package dev.launchpad.blueprint.cost;

/**
 * Three secrets (database credentials, API keys, JWT signing key), optional replicas, their KMS key, the
 * reads of the functions and the optional rotation function.
 */
final class SecretsCosts implements FeatureCosts {

    static final int SECRETS = 3;

    @Override
    public String feature() {
        return "secrets";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        String replica = s.textOption("secrets", "replicaRegion", "none");
        int cacheSeconds = s.intOption("secrets", "cacheSeconds", 300);
        int rotationDays = s.intOption("secrets", "rotationDays", 0);
        bill.add("Secrets Manager secrets", SECRETS, "secretsmanager.secret", "3 secrets");
        bill.kmsKey("secrets");
        if (!"none".equals(replica)) {
            bill.add("Secrets Manager replicas in " + replica, SECRETS, "secretsmanager.secret", "3 replica secrets");
            bill.add("KMS key: replica in " + replica, 1, "kms.key", "1 multi-Region replica key");
        }
        double calls;
        String formula;
        if (cacheSeconds == 0) {
            calls = s.requests() * SECRETS;
            formula = Num.of(s.requests()) + " invocations × 3 secrets, read every time (cache time 0)";
        } else {
            double refreshes = Stack.SECONDS / cacheSeconds;
            calls = Math.min(s.requests() * SECRETS, Stack.API_FUNCTIONS * SECRETS * refreshes);
            formula = "3 functions × 3 secrets × " + Num.of(refreshes) + " reads (" + Num.of(Stack.SECONDS)
                    + " s ÷ " + cacheSeconds + " s cache), at most one per invocation and secret";
        }
        bill.add("Secrets Manager API calls", calls, "secretsmanager.apiCalls", formula);
        bill.add("KMS requests: secrets", calls, "kms.requests", "one decrypt per secret read");
        if (rotationDays > 0) {
            double invocations = 4 * Stack.DAYS / rotationDays;
            bill.function("jwt-key-rotation", invocations, "4 steps per rotation × " + Num.of(Stack.DAYS) + " days ÷ "
                    + rotationDays + " days");
            bill.alarms(1, "1 alarm on rotation errors");
        }
        bill.note("Reads assume one warm instance per function; each extra instance reads the secrets again.");
    }
}
