package dev.launchpad.portal.health;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One chart of a dashboard: what it plots and in which unit.
 *
 * @param perPeriod whether values are totals per period (a count per minute at 60 s), which the chart says
 */
public record ChartSpec(String id, String section, String title, String unit, boolean perPeriod, List<Line> lines) {

    public ChartSpec {
        lines = List.copyOf(lines);
    }

    /** Every query the chart needs. */
    public Set<MetricQuery> queries() {
        Set<MetricQuery> all = new LinkedHashSet<>();
        lines.forEach(l -> all.addAll(l.queries()));
        return all;
    }

    /** One line of a chart, made of one or more metrics. */
    public sealed interface Line {
        String label();

        List<MetricQuery> queries();
    }

    /** A metric as it is, times {@code scale} (100 turns a fraction into percent). */
    public record Single(String label, MetricQuery query, double scale) implements Line {
        public List<MetricQuery> queries() {
            return List.of(query);
        }
    }

    /** {@code part} as a percentage of the sum of {@code whole}: error rate, cache hit rate. */
    public record Percent(String label, MetricQuery part, List<MetricQuery> whole) implements Line {
        public List<MetricQuery> queries() {
            Set<MetricQuery> all = new LinkedHashSet<>();
            all.add(part);
            all.addAll(whole);
            return List.copyOf(all);
        }
    }

    /** The sum of several metrics: a table's system errors over its operations. */
    public record Total(String label, List<MetricQuery> parts) implements Line {
        public List<MetricQuery> queries() {
            return parts;
        }
    }
}
