package dev.launchpad.blueprint.cost;

/** The Valkey cache: one node, or two with Multi-AZ, its AUTH token secret and its KMS key. */
final class RedisCosts implements FeatureCosts {

    @Override
    public String feature() {
        return "redis";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        String nodeType = s.textOption("redis", "nodeType", "cache.t4g.small");
        boolean multiAz = s.boolOption("redis", "multiAz", true);
        int nodes = multiAz ? 2 : 1;
        bill.add("ElastiCache " + nodeType + " nodes", nodes * Stack.HOURS, "elasticache.valkey." + nodeType,
                nodes + " node" + (nodes > 1 ? "s (primary and Multi-AZ replica)" : "") + " × " + Num.of(Stack.HOURS) + " hours");
        bill.add("Secrets Manager: cache AUTH token", 1, "secretsmanager.secret", "1 secret");
        bill.kmsKey("cache");
        bill.alarms(nodes * 2, nodes + " nodes × 2 (engine CPU, evictions)");
        bill.note("One daily snapshot is kept, within the free backup storage of one snapshot per cache.");
    }
}
