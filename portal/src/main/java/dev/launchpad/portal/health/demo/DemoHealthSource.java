package dev.launchpad.portal.health.demo;

import dev.launchpad.portal.health.Alarm;
import dev.launchpad.portal.health.AlarmState;
import dev.launchpad.portal.health.HealthSource;
import dev.launchpad.portal.health.MetricQuery;
import dev.launchpad.portal.health.Range;
import dev.launchpad.portal.health.Resource;
import dev.launchpad.portal.health.Resource.Kind;
import dev.launchpad.portal.health.ServiceDirectory;
import dev.launchpad.portal.health.ServiceProfile;
import dev.launchpad.portal.health.Stack;
import dev.launchpad.portal.health.Target;
import dev.launchpad.portal.health.TimeSeries;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Synthetic health for the registered services when no AWS account is configured, so that a fresh portal
 * has something to show. Everything is a function of the service's name (and of the time, for metrics),
 * so the same service always looks the same: some are in ALARM, some have INSUFFICIENT_DATA, the rest
 * are OK. Pages that show it say it is demo data.
 */
public final class DemoHealthSource implements HealthSource {

    /** The one pretend account and region every environment is read from. */
    public static final Target TARGET = new Target("demo", "demo-region-1");

    /** What goes wrong in a service's last (production) environment. */
    public enum Trouble { ALARM, NONE, INSUFFICIENT_DATA }

    private final ServiceDirectory directory;
    private final Clock clock;

    public DemoHealthSource(ServiceDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public boolean demo() {
        return true;
    }

    @Override
    public Optional<Target> target(String environment) {
        return Optional.of(TARGET);
    }

    /** Seeded by the name: a third of services in ALARM, a third with INSUFFICIENT_DATA, a third OK. */
    public static Trouble trouble(String service) {
        return Trouble.values()[(int) Long.remainderUnsigned(seed("trouble:" + service), 3)];
    }

    @Override
    public List<Resource> discover(Target target, Stack stack) {
        Optional<ServiceProfile> found = directory.service(stack.service());
        if (found.isEmpty()) {
            return List.of();
        }
        ServiceProfile service = found.get();
        String p = stack.prefix();
        String arn = "arn:aws:demo:" + target.region() + ":000000000000:";
        List<Resource> out = new ArrayList<>();
        List<String> functions = new ArrayList<>(List.of("health", "users", "orders"));
        List<String> tables = new ArrayList<>(List.of("users", "orders"));
        if (service.has("kinesis")) {
            functions.addAll(List.of("order-events-consumer", "order-window-aggregator"));
            tables.add("processed-order-events");
            for (String s : List.of("order-events", "user-activity", "security-events")) {
                out.add(new Resource(Kind.STREAM, p + s, arn + "stream/" + p + s));
            }
            for (String q : List.of("order-events-consumer-dlq", "order-window-aggregator-dlq")) {
                out.add(new Resource(Kind.QUEUE, p + q, arn + p + q));
            }
        }
        functions.forEach(f -> out.add(new Resource(Kind.FUNCTION, p + f, arn + "function:" + p + f)));
        tables.forEach(t -> out.add(new Resource(Kind.TABLE, p + t, arn + "table/" + p + t)));
        if (service.has("waf")) {
            out.add(new Resource(Kind.REST_API, "demo" + hex(p, 6), arn + "/restapis/demo"));
            out.add(new Resource(Kind.WEB_ACL, p + "waf", arn + "webacl/" + p + "waf"));
        } else {
            out.add(new Resource(Kind.HTTP_API, hex(p, 10), arn + "/apis/" + hex(p, 10)));
        }
        if (service.has("redis")) {
            String id = (p + "cache").length() > 40 ? (p + "cache").substring(0, 40) : p + "cache";
            out.add(new Resource(Kind.CACHE_GROUP, id, arn + "replicationgroup:" + id));
        }
        return out;
    }

    @Override
    public List<Alarm> alarms(Target target, String namePrefix) {
        List<Alarm> alarms = new ArrayList<>();
        for (ServiceProfile service : directory.services()) {
            if (!service.has("monitoring")) {
                continue;
            }
            for (int i = 0; i < service.environments().size(); i++) {
                Stack stack = service.stack(service.environments().get(i));
                if (stack.prefix().startsWith(namePrefix)) {
                    boolean production = i == service.environments().size() - 1;
                    alarms.addAll(alarms(service, stack, production ? trouble(service.name()) : Trouble.NONE));
                }
            }
        }
        return alarms;
    }

    private List<Alarm> alarms(ServiceProfile service, Stack stack, Trouble trouble) {
        String p = stack.prefix();
        List<String> names = new ArrayList<>();
        for (String f : List.of("health", "users", "orders")) {
            names.add(f + "-errors");
            names.add(f + "-duration-p99");
        }
        names.add("api-5xx");
        names.add("api-latency-p99");
        for (String t : List.of("users", "orders")) {
            names.add(t + "-table-read-throttles");
            names.add(t + "-table-write-throttles");
        }
        if (service.has("kinesis")) {
            names.addAll(List.of("order-events-stream-iterator-age", "order-events-consumer-dlq-depth"));
        }
        if (service.has("waf")) {
            names.add("waf-blocked-requests");
        }
        if (service.has("redis")) {
            names.addAll(List.of("cache-001-engine-cpu", "cache-001-evictions"));
        }
        long seed = seed(service.name());
        int troubled = (int) Long.remainderUnsigned(seed, names.size());
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        List<Alarm> alarms = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = p + names.get(i);
            if (i == troubled && trouble == Trouble.ALARM) {
                alarms.add(new Alarm(name, false, AlarmState.ALARM, "Threshold Crossed: 1 out of the last 1 datapoints [14.0] was greater"
                        + " than the threshold (5.0) (minimum 1 datapoint for OK -> ALARM transition).",
                        hour.minus(Duration.ofMinutes(20 + Long.remainderUnsigned(seed, 90))), describe(names.get(i))));
            } else if (i == troubled && trouble == Trouble.INSUFFICIENT_DATA) {
                alarms.add(new Alarm(name, false, AlarmState.INSUFFICIENT_DATA, "Insufficient Data: 1 datapoint was unknown.",
                        hour.minus(Duration.ofHours(1 + Long.remainderUnsigned(seed, 5))), describe(names.get(i))));
            } else {
                alarms.add(new Alarm(name, false, AlarmState.OK, "Threshold Crossed: 1 out of the last 1 datapoints [0.0] was not"
                        + " greater than the threshold (5.0) (minimum 1 datapoint for ALARM -> OK transition).",
                        hour.minus(Duration.ofHours(24 + Long.remainderUnsigned(seed(name), 72))), describe(names.get(i))));
            }
        }
        return alarms;
    }

    private static String describe(String alarm) {
        return "Demo alarm " + alarm + ": what a generated stack with the monitoring feature watches.";
    }

    @Override
    public Map<MetricQuery, TimeSeries> metrics(Target target, List<MetricQuery> queries, Range.Window window) {
        int n = (int) (Duration.between(window.start(), window.end()).toSeconds() / window.periodSeconds());
        Map<MetricQuery, TimeSeries> out = new HashMap<>();
        for (MetricQuery q : queries) {
            long[] t = new long[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = window.start().getEpochSecond() + (long) i * window.periodSeconds();
                v[i] = Synthetic.value(q, t[i], window.periodSeconds());
            }
            out.put(q, new TimeSeries(t, v));
        }
        return out;
    }

    static long seed(String text) {
        // FNV-1a: stable across JVMs, unlike String.hashCode's use in hashed collections
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static String hex(String text, int length) {
        return String.format("%016x", seed(text)).substring(0, length);
    }
}
