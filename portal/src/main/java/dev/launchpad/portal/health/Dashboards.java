package dev.launchpad.portal.health;

import dev.launchpad.portal.health.ChartSpec.Line;
import dev.launchpad.portal.health.ChartSpec.Percent;
import dev.launchpad.portal.health.ChartSpec.Single;
import dev.launchpad.portal.health.ChartSpec.Total;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds a stack's dashboard: its resources, the charts its features call for, their metrics. */
public final class Dashboards {

    private final HealthReader reader;
    private final ServiceDirectory directory;

    public Dashboards(HealthReader reader, ServiceDirectory directory) {
        this.reader = reader;
        this.directory = directory;
    }

    /** The environment a dashboard opens on: the last watched one (environments go dev to prod). */
    public Optional<String> defaultEnvironment(ServiceProfile service) {
        List<String> envs = service.environments();
        for (int i = envs.size() - 1; i >= 0; i--) {
            if (reader.target(envs.get(i)).isPresent()) {
                return Optional.of(envs.get(i));
            }
        }
        return envs.isEmpty() ? Optional.empty() : Optional.of(envs.getLast());
    }

    public Optional<ServiceProfile> service(String name) {
        return directory.service(name);
    }

    /** Waits at most {@code wait} in all for AWS; what has not arrived by then is stale or missing and says so. */
    public Dashboard dashboard(ServiceProfile service, String environment, Range range, Duration wait) {
        Budget budget = Budget.of(wait);
        Stack stack = service.stack(environment);
        long bucket = range.bucket(reader.clock().instant());
        Range.Window window = range.window(bucket);
        long[] axis = new long[range.points()];
        for (int i = 0; i < axis.length; i++) {
            axis[i] = window.start().getEpochSecond() + (long) i * range.periodSeconds();
        }
        boolean demo = reader.source().demo();
        Optional<Target> target = reader.target(environment);
        if (target.isEmpty()) {
            return new Dashboard(service.name(), environment, service.environments(), null, range, window, axis, List.of(),
                    List.of("Environment " + environment + " is not watched: no AWS account and region is configured for it."),
                    0, demo);
        }
        Reading<List<Resource>> resources = reader.resources(target.get(), stack, budget.left());
        if (!resources.present()) {
            return new Dashboard(service.name(), environment, service.environments(), target.get(), range, window, axis, List.of(),
                    List.of("The stack's resources could not be found yet: " + resources.problem() + "."), 0, demo);
        }
        DashboardPlan.Plan plan = DashboardPlan.of(service, stack, target.get().region(), resources.value());
        Set<MetricQuery> queries = new LinkedHashSet<>();
        plan.charts().forEach(c -> queries.addAll(c.queries()));
        Map<MetricQuery, Reading<TimeSeries>> read = reader.metrics(target.get(), queries, range, budget.left());
        List<Dashboard.Chart> charts = plan.charts().stream().map(c -> chart(c, read, axis)).toList();
        List<String> notes = new ArrayList<>(plan.notes());
        if (!resources.fresh() && resources.problem() != null) {
            notes.add("The list of resources is from " + resources.readAt() + ": " + resources.problem() + ".");
        }
        return new Dashboard(service.name(), environment, service.environments(), target.get(), range, window, axis, charts,
                notes, queries.size(), demo);
    }

    private static Dashboard.Chart chart(ChartSpec spec, Map<MetricQuery, Reading<TimeSeries>> read, long[] axis) {
        Map<Long, Integer> slot = new HashMap<>();
        for (int i = 0; i < axis.length; i++) {
            slot.put(axis[i], i);
        }
        Map<MetricQuery, Double[]> aligned = new HashMap<>();
        Instant readAt = null;
        boolean fresh = true;
        String problem = null;
        for (MetricQuery q : spec.queries()) {
            Reading<TimeSeries> r = read.get(q);
            Double[] values = new Double[axis.length];
            if (r != null && r.value() != null) {
                TimeSeries s = r.value();
                for (int i = 0; i < s.size(); i++) {
                    Integer at = slot.get(s.epochSeconds()[i]);
                    if (at != null) {
                        values[at] = s.values()[i];
                    }
                }
            }
            aligned.put(q, values);
            if (r == null || !r.fresh()) {
                fresh = false;
                if (problem == null && r != null) {
                    problem = r.problem();
                }
            }
            if (r != null && r.readAt() != null && (readAt == null || r.readAt().isBefore(readAt))) {
                readAt = r.readAt();
            }
        }
        List<String> labels = new ArrayList<>();
        List<Double[]> values = new ArrayList<>();
        for (Line line : spec.lines()) {
            labels.add(line.label());
            values.add(switch (line) {
                case Single s -> scale(aligned.get(s.query()), s.scale());
                case Total t -> total(t.parts().stream().map(aligned::get).toList());
                case Percent p -> percent(aligned.get(p.part()), total(p.whole().stream().map(aligned::get).toList()));
            });
        }
        return new Dashboard.Chart(spec.id(), spec.section(), spec.title(), spec.unit(), spec.perPeriod(), labels, values,
                readAt, fresh, fresh ? null : problem);
    }

    private static Double[] scale(Double[] values, double factor) {
        if (factor == 1) {
            return values;
        }
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? null : values[i] * factor;
        }
        return out;
    }

    /** Sums where any part has a value; a missing part counts as zero beside one that is present. */
    private static Double[] total(List<Double[]> parts) {
        int n = parts.getFirst().length;
        Double[] out = new Double[n];
        for (Double[] part : parts) {
            for (int i = 0; i < n; i++) {
                if (part[i] != null) {
                    out[i] = (out[i] == null ? 0 : out[i]) + part[i];
                }
            }
        }
        return out;
    }

    /** part / whole in percent, where whole is above zero; a missing part beside a whole is zero. */
    private static Double[] percent(Double[] part, Double[] whole) {
        Double[] out = new Double[whole.length];
        for (int i = 0; i < whole.length; i++) {
            if (whole[i] != null && whole[i] > 0) {
                out[i] = 100.0 * (part[i] == null ? 0 : part[i]) / whole[i];
            }
        }
        return out;
    }
}
