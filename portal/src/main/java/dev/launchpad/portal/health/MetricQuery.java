package dev.launchpad.portal.health;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One CloudWatch metric and statistic: what GetMetricData is asked for, and what the cache keys on.
 *
 * @param stat {@code Sum}, {@code Average}, {@code Maximum} or a percentile such as {@code p99}
 */
public record MetricQuery(String namespace, String metric, SortedMap<String, String> dimensions, String stat) {

    public MetricQuery {
        dimensions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    public static MetricQuery of(String namespace, String metric, String stat, Map<String, String> dimensions) {
        return new MetricQuery(namespace, metric, new TreeMap<>(dimensions), stat);
    }

    /** A stable text identity: namespace, metric, sorted dimensions and statistic. */
    public String key() {
        StringBuilder b = new StringBuilder(namespace).append('|').append(metric).append('|').append(stat);
        dimensions.forEach((k, v) -> b.append('|').append(k).append('=').append(v));
        return b.toString();
    }
}
