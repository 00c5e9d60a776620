package dev.launchpad.portal.health;

import dev.launchpad.blueprint.contract.StackNames;
import dev.launchpad.portal.health.ChartSpec.Line;
import dev.launchpad.portal.health.ChartSpec.Percent;
import dev.launchpad.portal.health.ChartSpec.Single;
import dev.launchpad.portal.health.ChartSpec.Total;
import dev.launchpad.portal.health.Resource.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The charts of a stack's dashboard: a section for each kind of resource the service's features deploy,
 * filled with the resources found by their tags and the metric names and dimensions the generated
 * Terraform and its alarms use.
 */
public final class DashboardPlan {

    /** The charts, and a note for each feature whose resources were not found. */
    public record Plan(List<ChartSpec> charts, List<String> notes) {

        public int queryCount() {
            return (int) charts.stream().flatMap(c -> c.queries().stream()).distinct().count();
        }
    }

    /** The functions API Gateway invokes: the ones provisioned concurrency keeps warm. */
    static final List<String> API_FUNCTIONS = List.of("health", "users", "orders");
    /** Operations the handlers call; DynamoDB reports system errors per table and operation. */
    static final List<String> TABLE_OPERATIONS = List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem");
    /** The business metrics the generated handlers publish with Powertools. */
    static final List<String> BUSINESS_METRICS = List.of("OrdersCreated", "OrdersCancelled", "UsersCreated");

    private static final String LAMBDA = "AWS/Lambda";
    private static final String APIGW = "AWS/ApiGateway";
    private static final String DYNAMODB = "AWS/DynamoDB";
    private static final String KINESIS = "AWS/Kinesis";
    private static final String SQS = "AWS/SQS";
    private static final String ELASTICACHE = "AWS/ElastiCache";
    private static final String WAF = "AWS/WAFV2";

    private DashboardPlan() {
    }

    public static Plan of(ServiceProfile service, Stack stack, String region, List<Resource> resources) {
        StackNames names = stack.names();
        String prefix = stack.prefix();
        List<ChartSpec> charts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Function<String, String> shortName = n -> n.startsWith(prefix) ? n.substring(prefix.length()) : n;

        List<Resource> functions = of(resources, Kind.FUNCTION);
        if (functions.isEmpty()) {
            notes.add(missing("Lambda functions", stack));
        } else {
            charts.addAll(functionCharts(service, functions, shortName));
        }

        List<Resource> restApis = of(resources, Kind.REST_API);
        List<Resource> httpApis = of(resources, Kind.HTTP_API);
        if (!restApis.isEmpty() || service.has("waf")) {
            // A REST API (the WAF feature's) reports by name and stage; the module names it <prefix>api.
            charts.addAll(apiCharts(List.of(Map.of("ApiName", prefix + "api", "Stage", stack.environment())), "Count",
                    "4XXError", "5XXError", d -> "api"));
        } else if (!httpApis.isEmpty()) {
            charts.addAll(apiCharts(httpApis.stream().map(a -> Map.of("ApiId", a.name())).toList(), "Count", "4xx", "5xx",
                    d -> httpApis.size() == 1 ? "api" : d.get("ApiId")));
        } else {
            notes.add(missing("API", stack));
        }

        List<Resource> tables = of(resources, Kind.TABLE);
        if (tables.isEmpty()) {
            notes.add(missing("DynamoDB tables", stack));
        } else {
            charts.addAll(tableCharts(tables, shortName));
        }

        if (service.has("kinesis")) {
            List<Resource> streams = of(resources, Kind.STREAM);
            if (streams.isEmpty()) {
                notes.add(missing("Kinesis streams", stack));
            } else {
                charts.addAll(streamCharts(streams, shortName));
            }
        }
        List<Resource> queues = of(resources, Kind.QUEUE).stream().filter(q -> q.name().endsWith("-dlq")).toList();
        if (!queues.isEmpty()) {
            charts.add(new ChartSpec("dlq-depth", "Dead-letter queues", "Messages waiting", "messages", false,
                    queues.stream().map(q -> (Line) new Single(shortName.apply(q.name()),
                            MetricQuery.of(SQS, "ApproximateNumberOfMessagesVisible", "Maximum", Map.of("QueueName", q.name())), 1)).toList()));
        } else if (service.has("kinesis") || service.has("dynamodb-streams")) {
            notes.add(missing("dead-letter queues", stack));
        }

        if (service.has("redis")) {
            List<String> nodes = cacheNodes(service, resources);
            if (nodes.isEmpty()) {
                notes.add(missing("ElastiCache replication group", stack));
            } else {
                charts.addAll(cacheCharts(nodes, shortName));
            }
        }

        if (service.has("waf")) {
            List<Resource> acls = of(resources, Kind.WEB_ACL);
            if (acls.isEmpty()) {
                notes.add(missing("WAF web ACL", stack));
            } else {
                List<Line> lines = new ArrayList<>();
                for (Resource acl : acls) {
                    Map<String, String> d = Map.of("WebACL", acl.name(), "Rule", "ALL", "Region", region);
                    String who = acls.size() == 1 ? "" : acl.name() + " ";
                    lines.add(new Single(who + "allowed", MetricQuery.of(WAF, "AllowedRequests", "Sum", d), 1));
                    lines.add(new Single(who + "blocked", MetricQuery.of(WAF, "BlockedRequests", "Sum", d), 1));
                }
                charts.add(new ChartSpec("waf-requests", "WAF", "Requests allowed and blocked", "requests", true, lines));
            }
        }

        Map<String, String> business = Map.of(StackNames.METRICS_DIMENSION, names.metricsServiceDimension());
        charts.add(new ChartSpec("business-events", "Business", "Orders and users", "events", true,
                BUSINESS_METRICS.stream().map(m -> (Line) new Single(m, MetricQuery.of(names.metricsNamespace(), m, "Sum", business), 1)).toList()));
        return new Plan(List.copyOf(charts), List.copyOf(notes));
    }

    private static List<ChartSpec> functionCharts(ServiceProfile service, List<Resource> functions, Function<String, String> shortName) {
        List<ChartSpec> charts = new ArrayList<>();
        charts.add(perFunction("lambda-invocations", "Invocations", "invocations", true, functions, shortName, "Invocations", "Sum"));
        charts.add(perFunction("lambda-errors", "Errors", "errors", true, functions, shortName, "Errors", "Sum"));
        charts.add(new ChartSpec("lambda-error-rate", "Functions", "Error rate", "%", false, functions.stream()
                .map(f -> (Line) new Percent(shortName.apply(f.name()), fn(f, "Errors", "Sum"), List.of(fn(f, "Invocations", "Sum")))).toList()));
        charts.add(perFunction("lambda-duration-p50", "Duration p50", "ms", false, functions, shortName, "Duration", "p50"));
        charts.add(perFunction("lambda-duration-p99", "Duration p99", "ms", false, functions, shortName, "Duration", "p99"));
        charts.add(perFunction("lambda-throttles", "Throttles", "throttled invocations", true, functions, shortName, "Throttles", "Sum"));
        charts.add(perFunction("lambda-concurrency", "Concurrent executions", "executions", false, functions, shortName, "ConcurrentExecutions", "Maximum"));
        if (service.has("provisioned-concurrency")) {
            List<Line> lines = functions.stream()
                    .filter(f -> API_FUNCTIONS.contains(shortName.apply(f.name())))
                    .map(f -> (Line) new Single(shortName.apply(f.name()), MetricQuery.of(LAMBDA, "ProvisionedConcurrencyUtilization",
                            "Maximum", Map.of("FunctionName", f.name(), "Resource", f.name() + ":live")), 100))
                    .toList();
            if (!lines.isEmpty()) {
                charts.add(new ChartSpec("lambda-provisioned-utilisation", "Functions", "Provisioned concurrency utilisation", "%", false, lines));
            }
        }
        return charts;
    }

    private static ChartSpec perFunction(String id, String title, String unit, boolean perPeriod, List<Resource> functions,
                                         Function<String, String> shortName, String metric, String stat) {
        return new ChartSpec(id, "Functions", title, unit, perPeriod, functions.stream()
                .map(f -> (Line) new Single(shortName.apply(f.name()), fn(f, metric, stat), 1)).toList());
    }

    private static MetricQuery fn(Resource function, String metric, String stat) {
        return MetricQuery.of(LAMBDA, metric, stat, Map.of("FunctionName", function.name()));
    }

    private static List<ChartSpec> apiCharts(List<Map<String, String>> apis, String count, String client, String server,
                                             Function<Map<String, String>, String> label) {
        List<Line> requests = new ArrayList<>();
        List<Line> errors = new ArrayList<>();
        List<Line> latency = new ArrayList<>();
        for (Map<String, String> d : apis) {
            String who = label.apply(d);
            String prefix = apis.size() == 1 ? "" : who + " ";
            requests.add(new Single(prefix.isEmpty() ? "requests" : who, MetricQuery.of(APIGW, count, "Sum", d), 1));
            errors.add(new Single(prefix + "4xx", MetricQuery.of(APIGW, client, "Sum", d), 1));
            errors.add(new Single(prefix + "5xx", MetricQuery.of(APIGW, server, "Sum", d), 1));
            latency.add(new Single(prefix.isEmpty() ? "p99" : who, MetricQuery.of(APIGW, "Latency", "p99", d), 1));
        }
        return List.of(
                new ChartSpec("api-requests", "API", "Requests", "requests", true, requests),
                new ChartSpec("api-errors", "API", "4xx and 5xx responses", "responses", true, errors),
                new ChartSpec("api-latency-p99", "API", "Latency p99", "ms", false, latency));
    }

    private static List<ChartSpec> tableCharts(List<Resource> tables, Function<String, String> shortName) {
        List<Line> capacity = new ArrayList<>();
        List<Line> throttles = new ArrayList<>();
        List<Line> systemErrors = new ArrayList<>();
        for (Resource t : tables) {
            String label = shortName.apply(t.name());
            Map<String, String> d = Map.of("TableName", t.name());
            capacity.add(new Single(label + " read", MetricQuery.of(DYNAMODB, "ConsumedReadCapacityUnits", "Sum", d), 1));
            capacity.add(new Single(label + " write", MetricQuery.of(DYNAMODB, "ConsumedWriteCapacityUnits", "Sum", d), 1));
            throttles.add(new Single(label + " read", MetricQuery.of(DYNAMODB, "ReadThrottleEvents", "Sum", d), 1));
            throttles.add(new Single(label + " write", MetricQuery.of(DYNAMODB, "WriteThrottleEvents", "Sum", d), 1));
            systemErrors.add(new Total(label, TABLE_OPERATIONS.stream().map(op -> MetricQuery.of(DYNAMODB, "SystemErrors", "Sum",
                    Map.of("TableName", t.name(), "Operation", op))).toList()));
        }
        return List.of(
                new ChartSpec("dynamodb-capacity", "Tables", "Consumed capacity", "capacity units", true, capacity),
                new ChartSpec("dynamodb-throttles", "Tables", "Throttle events", "events", true, throttles),
                new ChartSpec("dynamodb-system-errors", "Tables", "System errors", "errors", true, systemErrors));
    }

    private static List<ChartSpec> streamCharts(List<Resource> streams, Function<String, String> shortName) {
        List<Line> incoming = new ArrayList<>();
        List<Line> age = new ArrayList<>();
        List<Line> exceeded = new ArrayList<>();
        for (Resource s : streams) {
            String label = shortName.apply(s.name());
            Map<String, String> d = Map.of("StreamName", s.name());
            incoming.add(new Single(label, MetricQuery.of(KINESIS, "IncomingRecords", "Sum", d), 1));
            age.add(new Single(label, MetricQuery.of(KINESIS, "GetRecords.IteratorAgeMilliseconds", "Maximum", d), 1));
            exceeded.add(new Single(label + " write", MetricQuery.of(KINESIS, "WriteProvisionedThroughputExceeded", "Sum", d), 1));
            exceeded.add(new Single(label + " read", MetricQuery.of(KINESIS, "ReadProvisionedThroughputExceeded", "Sum", d), 1));
        }
        return List.of(
                new ChartSpec("kinesis-incoming", "Streams", "Incoming records", "records", true, incoming),
                new ChartSpec("kinesis-iterator-age", "Streams", "Iterator age", "ms", false, age),
                new ChartSpec("kinesis-throughput-exceeded", "Streams", "Throughput exceeded", "requests", true, exceeded));
    }

    /** Cache nodes found by their tags, or else named as ElastiCache names a replication group's members. */
    private static List<String> cacheNodes(ServiceProfile service, List<Resource> resources) {
        List<String> nodes = of(resources, Kind.CACHE_NODE).stream().map(Resource::name).toList();
        if (!nodes.isEmpty()) {
            return nodes;
        }
        List<String> derived = new ArrayList<>();
        for (Resource group : of(resources, Kind.CACHE_GROUP)) {
            derived.add(group.name() + "-001");
            if (service.cacheMultiAz()) {
                derived.add(group.name() + "-002");
            }
        }
        return derived;
    }

    private static List<ChartSpec> cacheCharts(List<String> nodes, Function<String, String> shortName) {
        List<Line> cpu = new ArrayList<>();
        List<Line> evictions = new ArrayList<>();
        List<Line> connections = new ArrayList<>();
        List<Line> hitRate = new ArrayList<>();
        for (String node : nodes) {
            String label = shortName.apply(node);
            Map<String, String> d = Map.of("CacheClusterId", node);
            cpu.add(new Single(label, MetricQuery.of(ELASTICACHE, "EngineCPUUtilization", "Average", d), 1));
            evictions.add(new Single(label, MetricQuery.of(ELASTICACHE, "Evictions", "Sum", d), 1));
            connections.add(new Single(label, MetricQuery.of(ELASTICACHE, "CurrConnections", "Maximum", d), 1));
            MetricQuery hits = MetricQuery.of(ELASTICACHE, "CacheHits", "Sum", d);
            hitRate.add(new Percent(label, hits, List.of(hits, MetricQuery.of(ELASTICACHE, "CacheMisses", "Sum", d))));
        }
        return List.of(
                new ChartSpec("cache-cpu", "Cache", "Engine CPU", "%", false, cpu),
                new ChartSpec("cache-evictions", "Cache", "Evictions", "keys", true, evictions),
                new ChartSpec("cache-connections", "Cache", "Connections", "connections", false, connections),
                new ChartSpec("cache-hit-rate", "Cache", "Hit rate", "%", false, hitRate));
    }

    private static List<Resource> of(List<Resource> resources, Kind kind) {
        return resources.stream().filter(r -> r.kind() == kind).sorted(Comparator.comparing(Resource::name)).toList();
    }

    private static String missing(String what, Stack stack) {
        return "No " + what + " found tagged launchpad:service=" + stack.service() + " and launchpad:environment="
                + stack.environment() + "; has the stack been deployed?";
    }
}
