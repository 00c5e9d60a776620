package dev.launchpad.portal.health.demo;

import dev.launchpad.portal.health.MetricQuery;

/**
 * Plausible values for the metrics the dashboards read: traffic that rises and falls over the day, with
 * the rest (errors, latency, capacity) following it. A pure function of the query, time and period.
 */
final class Synthetic {

    private Synthetic() {
    }

    static double value(MetricQuery q, long epochSecond, int period) {
        // one traffic curve per resource, shared by all of its metrics
        String resource = q.dimensions().toString();
        long seed = DemoHealthSource.seed(resource);
        double perSecond = (1 + Long.remainderUnsigned(seed, 12)) * traffic(seed, epochSecond);
        double count = perSecond * period;
        double jitter = 0.85 + 0.3 * noise(seed ^ DemoHealthSource.seed(q.metric()), epochSecond);
        return switch (q.metric()) {
            case "Invocations", "Count", "IncomingRecords", "AllowedRequests", "CacheHits" -> round(count * jitter);
            case "Errors" -> round(count * 0.004 * spike(seed, epochSecond) * jitter);
            case "4xx", "4XXError" -> round(count * 0.02 * jitter);
            case "5xx", "5XXError" -> round(count * 0.002 * spike(seed, epochSecond) * jitter);
            case "Throttles", "ReadThrottleEvents", "WriteThrottleEvents", "WriteProvisionedThroughputExceeded",
                 "ReadProvisionedThroughputExceeded", "SystemErrors" -> spike(seed, epochSecond) > 3 ? round(3 * jitter) : 0;
            case "Duration" -> (q.stat().equals("p99") ? 4.2 : 1.0) * (35 + Long.remainderUnsigned(seed, 40)) * jitter;
            case "Latency" -> (60 + Long.remainderUnsigned(seed, 120)) * jitter * (0.8 + 0.4 * traffic(seed, epochSecond));
            case "ConcurrentExecutions" -> Math.max(1, Math.round(perSecond * 0.12 * jitter));
            case "ProvisionedConcurrencyUtilization" -> Math.min(1, 0.25 + 0.5 * traffic(seed, epochSecond) * jitter);
            case "ConsumedReadCapacityUnits" -> round(count * 1.6 * jitter);
            case "ConsumedWriteCapacityUnits" -> round(count * 0.7 * jitter);
            case "GetRecords.IteratorAgeMilliseconds" -> round(150 + 900 * noise(seed, epochSecond));
            case "ApproximateNumberOfMessagesVisible" -> spike(seed, epochSecond) > 3 ? 2 : 0;
            case "EngineCPUUtilization" -> 4 + 18 * traffic(seed, epochSecond) * jitter;
            case "Evictions" -> spike(seed, epochSecond) > 3 ? round(12 * jitter) : 0;
            case "CurrConnections" -> round(12 + 20 * traffic(seed, epochSecond) * jitter);
            case "CacheMisses" -> round(count * 0.12 * jitter);
            case "BlockedRequests" -> round(count * 0.015 * jitter);
            case "OrdersCreated" -> round(count * 0.08 * jitter);
            case "OrdersCancelled" -> round(count * 0.006 * jitter);
            case "UsersCreated" -> round(count * 0.02 * jitter);
            default -> round(count * jitter);
        };
    }

    /** 0.3 to 1.3: low at night, high in the afternoon, shifted per resource. */
    private static double traffic(long seed, long t) {
        double phase = Long.remainderUnsigned(seed, 360) * Math.PI / 180 / 6;
        return 0.8 + 0.5 * Math.sin(2 * Math.PI * (t % 86_400) / 86_400.0 - Math.PI / 2 + phase);
    }

    /** Usually 1; now and then (a few periods an hour) up to 6, so charts have the odd incident. */
    private static double spike(long seed, long t) {
        double n = noise(seed * 31 + 7, t / 300);
        return n > 0.93 ? 1 + (n - 0.93) * 70 : 1;
    }

    /** A repeatable number from 0 to 1. */
    private static double noise(long seed, long t) {
        long x = seed ^ (t * 0x9E3779B97F4A7C15L);
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (x >>> 11) / (double) (1L << 53);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
