package dev.launchpad.portal.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleBiFunction;

/**
 * CloudWatch and the Resource Groups Tagging API on a loopback port, speaking what the pinned SDK (2.40.2)
 * sends, as captured from it:
 * <ul>
 * <li>CloudWatch: the AWS Query protocol. {@code POST /}, {@code Content-Type:
 *     application/x-www-form-urlencoded; charset=utf-8}, no {@code X-Amz-Target}; the body is
 *     {@code Action=GetMetricData&Version=2010-08-01&MetricDataQueries.member.1.Id=q0&...}. Answers are
 *     XML ({@code <GetMetricDataResponse>}), errors {@code <ErrorResponse><Error><Code>}.</li>
 * <li>STS (when a target names a role): the Query protocol too, {@code Action=AssumeRole&Version=2011-06-15}.</li>
 * <li>Tagging: AWS JSON 1.1. {@code POST /}, {@code Content-Type: application/x-amz-json-1.1},
 *     {@code X-Amz-Target: ResourceGroupsTaggingAPI_20170126.GetResources}; errors are JSON with
 *     {@code __type}.</li>
 * </ul>
 * It keeps resources, alarms and a metric function, counts every request by action, and can be told to
 * throttle, fail or stall the next requests of an action.
 */
public final class AwsStub implements AutoCloseable {

    public static final String GET_METRIC_DATA = "GetMetricData";
    public static final String DESCRIBE_ALARMS = "DescribeAlarms";
    public static final String GET_RESOURCES = "GetResources";
    public static final String ASSUME_ROLE = "AssumeRole";
    /** The access key of the credentials AssumeRole hands out. */
    public static final String ASSUMED_ACCESS_KEY = "ASIASTUBASSUMEDROLE1";

    private static final String CW_NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as it arrived. */
    public record Request(String action, String contentType, String target, Map<String, String> form, String body,
                          String authorization) {

        /** How many metric queries a GetMetricData request carried. */
        public int queryCount() {
            return (int) form.keySet().stream().filter(k -> k.matches("MetricDataQueries\\.member\\.\\d+\\.Id")).count();
        }
    }

    /** One metric query as the stub decoded it. */
    public record Query(String id, String namespace, String metric, Map<String, String> dimensions, String stat, int period) {
    }

    public record StubAlarm(String name, boolean composite, String state, String reason, Instant updated) {
    }

    /** What the next request of an action gets instead of an answer. */
    public sealed interface Fault {
        record Throttle() implements Fault {
        }

        record ServerError() implements Fault {
        }

        /** Waits (until {@link #heal} at the latest), then answers normally. */
        record Delay(long millis) implements Fault {
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Fault> always = new ConcurrentHashMap<>();
    private final Map<String, List<String>> resources = new ConcurrentHashMap<>();
    private final List<StubAlarm> alarms = new CopyOnWriteArrayList<>();
    private volatile ToDoubleBiFunction<Query, Long> metric = (q, t) -> 1 + Math.abs((q.metric() + q.dimensions()).hashCode() % 50);
    private volatile int pointsPerPage = Integer.MAX_VALUE;
    private volatile int resourcesPerPage = 100;
    private volatile java.util.concurrent.CountDownLatch healed = new java.util.concurrent.CountDownLatch(1);

    private AwsStub(HttpServer server) {
        this.server = server;
    }

    public static AwsStub start() {
        return start(0);
    }

    /** On a given loopback port (0 for any free one). */
    public static AwsStub start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            AwsStub stub = new AwsStub(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- what the stub holds

    /** The ARNs GetResources returns for resources tagged with this service and environment. */
    public AwsStub resources(String service, String environment, List<String> arns) {
        resources.put(service + "|" + environment, List.copyOf(arns));
        return this;
    }

    public AwsStub alarm(String name, String state, String reason, Instant updated) {
        alarms.add(new StubAlarm(name, false, state, reason, updated));
        return this;
    }

    public AwsStub compositeAlarm(String name, String state, String reason, Instant updated) {
        alarms.add(new StubAlarm(name, true, state, reason, updated));
        return this;
    }

    public AwsStub clearAlarms() {
        alarms.clear();
        return this;
    }

    /** The value of a query at an epoch second. */
    public AwsStub metric(ToDoubleBiFunction<Query, Long> value) {
        this.metric = value;
        return this;
    }

    /** Splits each GetMetricData answer into pages of at most this many datapoints per query. */
    public AwsStub pointsPerPage(int points) {
        this.pointsPerPage = points;
        return this;
    }

    /** Returns at most this many resources per GetResources page, whatever the client asks for. */
    public AwsStub resourcesPerPage(int count) {
        this.resourcesPerPage = count;
        return this;
    }

    /** The next {@code times} requests of {@code action} get {@code fault}. */
    public AwsStub failNext(String action, int times, Fault fault) {
        Deque<Fault> queue = faults.computeIfAbsent(action, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(fault);
            }
        }
        return this;
    }

    /** Every request of {@code action} gets {@code fault} until {@link #heal}. */
    public AwsStub failAlways(String action, Fault fault) {
        always.put(action, fault);
        return this;
    }

    /** Forgets every fault, and lets delayed requests answer now. */
    public AwsStub heal() {
        always.clear();
        faults.clear();
        java.util.concurrent.CountDownLatch stalled = healed;
        healed = new java.util.concurrent.CountDownLatch(1);
        stalled.countDown();
        return this;
    }

    // ---- what it saw

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String action) {
        return requests.stream().filter(r -> r.action().equals(action)).toList();
    }

    public int count(String action) {
        return requests(action).size();
    }

    public void reset() {
        requests.clear();
    }

    // ---- the wire

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Map<String, String> form = target == null ? form(body) : Map.of();
            String action = target != null ? target.substring(target.indexOf('.') + 1) : form.getOrDefault("Action", "?");
            requests.add(new Request(action, contentType, target, form, body, exchange.getRequestHeaders().getFirst("Authorization")));

            Fault fault = nextFault(action);
            if (fault instanceof Fault.Delay delay) {
                healed.await(delay.millis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                fault = null;
            }
            boolean json = target != null;
            if (fault instanceof Fault.Throttle) {
                error(exchange, json, 400, json ? "ThrottledException" : "Throttling", "Rate exceeded");
                return;
            }
            if (fault instanceof Fault.ServerError) {
                error(exchange, json, 500, json ? "InternalServiceException" : "InternalFailure", "We encountered an internal error");
                return;
            }
            switch (action) {
                case GET_RESOURCES -> send(exchange, 200, "application/x-amz-json-1.1", getResources(JSON.readTree(body)));
                case DESCRIBE_ALARMS -> send(exchange, 200, "text/xml", describeAlarms(form));
                case GET_METRIC_DATA -> send(exchange, 200, "text/xml", getMetricData(form));
                case ASSUME_ROLE -> send(exchange, 200, "text/xml", "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<AssumeRoleResult><Credentials><AccessKeyId>" + ASSUMED_ACCESS_KEY + "</AccessKeyId>"
                        + "<SecretAccessKey>stub-assumed-secret</SecretAccessKey><SessionToken>stub-session-token</SessionToken>"
                        + "<Expiration>" + Instant.now().plusSeconds(3600) + "</Expiration></Credentials>"
                        + "<AssumedRoleUser><AssumedRoleId>AROASTUB:launchpad-portal</AssumedRoleId><Arn>" + xml(form.get("RoleArn"))
                        + "</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata>"
                        + "</AssumeRoleResponse>");
                default -> error(exchange, json, 400, "InvalidAction", "the stub does not know " + action);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout); nothing to answer
        }
    }

    private Fault nextFault(String action) {
        Fault a = always.get(action);
        if (a != null) {
            return a;
        }
        Deque<Fault> queue = faults.get(action);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    private String getResources(JsonNode request) {
        String service = null;
        String environment = null;
        for (JsonNode f : request.path("TagFilters")) {
            if (f.path("Key").asText().equals("launchpad:service")) {
                service = f.path("Values").path(0).asText();
            }
            if (f.path("Key").asText().equals("launchpad:environment")) {
                environment = f.path("Values").path(0).asText();
            }
        }
        List<String> all = resources.getOrDefault(service + "|" + environment, List.of());
        int from = request.path("PaginationToken").asText("").isEmpty() ? 0 : Integer.parseInt(request.path("PaginationToken").asText());
        int size = Math.min(resourcesPerPage, request.path("ResourcesPerPage").asInt(100));
        int to = Math.min(all.size(), from + size);
        ObjectNode out = JSON.createObjectNode();
        out.put("PaginationToken", to < all.size() ? Integer.toString(to) : "");
        ArrayNode list = out.putArray("ResourceTagMappingList");
        for (String arn : all.subList(from, to)) {
            ObjectNode m = list.addObject();
            m.put("ResourceARN", arn);
            ArrayNode tags = m.putArray("Tags");
            tags.addObject().put("Key", "launchpad:service").put("Value", service);
            tags.addObject().put("Key", "launchpad:environment").put("Value", environment);
        }
        return out.toString();
    }

    private String describeAlarms(Map<String, String> form) {
        String prefix = form.getOrDefault("AlarmNamePrefix", "");
        List<String> types = new ArrayList<>();
        for (int i = 1; form.containsKey("AlarmTypes.member." + i); i++) {
            types.add(form.get("AlarmTypes.member." + i));
        }
        if (types.isEmpty()) {
            types.add("MetricAlarm");
        }
        List<StubAlarm> matching = alarms.stream().filter(a -> a.name().startsWith(prefix))
                .filter(a -> types.contains(a.composite() ? "CompositeAlarm" : "MetricAlarm"))
                .sorted(java.util.Comparator.comparing(StubAlarm::name)).toList();
        int max = Integer.parseInt(form.getOrDefault("MaxRecords", "50"));
        int from = Integer.parseInt(form.getOrDefault("NextToken", "0"));
        int to = Math.min(matching.size(), from + max);
        StringBuilder metric = new StringBuilder();
        StringBuilder composite = new StringBuilder();
        for (StubAlarm a : matching.subList(from, to)) {
            StringBuilder b = a.composite() ? composite : metric;
            b.append("<member><AlarmName>").append(xml(a.name())).append("</AlarmName>")
                    .append("<AlarmArn>arn:aws:cloudwatch:eu-west-1:111122223333:alarm:").append(xml(a.name())).append("</AlarmArn>")
                    .append("<AlarmDescription>").append(xml("stub alarm " + a.name())).append("</AlarmDescription>")
                    .append("<StateValue>").append(a.state()).append("</StateValue>")
                    .append("<StateReason>").append(xml(a.reason())).append("</StateReason>")
                    .append("<StateUpdatedTimestamp>").append(a.updated()).append("</StateUpdatedTimestamp>");
            if (a.composite()) {
                b.append("<AlarmRule>ALARM(x)</AlarmRule>");
            } else {
                b.append("<MetricName>Errors</MetricName><Namespace>AWS/Lambda</Namespace><Statistic>Sum</Statistic>");
            }
            b.append("</member>");
        }
        return "<DescribeAlarmsResponse xmlns=\"" + CW_NS + "\"><DescribeAlarmsResult>"
                + "<MetricAlarms>" + metric + "</MetricAlarms><CompositeAlarms>" + composite + "</CompositeAlarms>"
                + (to < matching.size() ? "<NextToken>" + to + "</NextToken>" : "")
                + "</DescribeAlarmsResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></DescribeAlarmsResponse>";
    }

    private String getMetricData(Map<String, String> form) {
        Instant start = Instant.parse(form.get("StartTime"));
        Instant end = Instant.parse(form.get("EndTime"));
        int page = Integer.parseInt(form.getOrDefault("NextToken", "0"));
        StringBuilder results = new StringBuilder();
        boolean more = false;
        for (Query q : queries(form)) {
            List<Long> times = new ArrayList<>();
            for (long t = start.getEpochSecond(); t < end.getEpochSecond(); t += q.period()) {
                times.add(t);
            }
            int from = (int) Math.min(times.size(), (long) page * pointsPerPage);
            int to = (int) Math.min(times.size(), (long) from + pointsPerPage);
            boolean partial = to < times.size();
            more |= partial;
            results.append("<member><Id>").append(q.id()).append("</Id><Label>").append(xml(q.metric())).append("</Label>")
                    .append("<StatusCode>").append(partial ? "PartialData" : "Complete").append("</StatusCode><Timestamps>");
            for (long t : times.subList(from, to)) {
                results.append("<member>").append(Instant.ofEpochSecond(t)).append("</member>");
            }
            results.append("</Timestamps><Values>");
            for (long t : times.subList(from, to)) {
                results.append("<member>").append(metric.applyAsDouble(q, t)).append("</member>");
            }
            results.append("</Values></member>");
        }
        return "<GetMetricDataResponse xmlns=\"" + CW_NS + "\"><GetMetricDataResult><MetricDataResults>" + results
                + "</MetricDataResults>" + (more ? "<NextToken>" + (page + 1) + "</NextToken>" : "")
                + "<Messages/></GetMetricDataResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></GetMetricDataResponse>";
    }

    /** The metric queries of a GetMetricData form, in member order. */
    public static List<Query> queries(Map<String, String> form) {
        List<Query> out = new ArrayList<>();
        for (int i = 1; form.containsKey("MetricDataQueries.member." + i + ".Id"); i++) {
            String p = "MetricDataQueries.member." + i + ".";
            Map<String, String> dims = new TreeMap<>();
            for (int d = 1; form.containsKey(p + "MetricStat.Metric.Dimensions.member." + d + ".Name"); d++) {
                dims.put(form.get(p + "MetricStat.Metric.Dimensions.member." + d + ".Name"),
                        form.get(p + "MetricStat.Metric.Dimensions.member." + d + ".Value"));
            }
            out.add(new Query(form.get(p + "Id"), form.get(p + "MetricStat.Metric.Namespace"),
                    form.get(p + "MetricStat.Metric.MetricName"), dims, form.get(p + "MetricStat.Stat"),
                    Integer.parseInt(form.get(p + "MetricStat.Period"))));
        }
        return out;
    }

    private static void error(HttpExchange exchange, boolean json, int status, String code, String message) throws IOException {
        if (json) {
            send(exchange, status, "application/x-amz-json-1.1",
                    JSON.createObjectNode().put("__type", code).put("Message", message).toString());
        } else {
            send(exchange, status, "text/xml", "<ErrorResponse xmlns=\"" + CW_NS + "\"><Error><Type>"
                    + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + code + "</Code><Message>" + xml(message)
                    + "</Message></Error><RequestId>stub</RequestId></ErrorResponse>");
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stub");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Counts of requests by action, for reports. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new HashMap<>();
        requests.forEach(r -> out.merge(r.action(), 1, Integer::sum));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
