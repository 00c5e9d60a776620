package dev.launchpad.portal.aws;

import dev.launchpad.blueprint.contract.Tags;
import dev.launchpad.portal.health.Alarm;
import dev.launchpad.portal.health.AlarmState;
import dev.launchpad.portal.health.HealthSource;
import dev.launchpad.portal.health.MetricQuery;
import dev.launchpad.portal.health.Range;
import dev.launchpad.portal.health.Resource;
import dev.launchpad.portal.health.Stack;
import dev.launchpad.portal.health.Target;
import dev.launchpad.portal.health.TimeSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * Health data from AWS: resources from the Resource Groups Tagging API, alarms and metrics from CloudWatch.
 * GetMetricData takes at most 500 queries a call, so the queries are packed into as few calls as that
 * allows; DescribeAlarms allows about 9 calls a second per account, so its pages are spaced out.
 */
public final class AwsHealthSource implements HealthSource, AutoCloseable {

    public static final int MAX_QUERIES_PER_CALL = 500;
    /** DescribeAlarms returns at most 100 alarms a page. */
    static final int ALARMS_PER_PAGE = 100;
    static final int RESOURCES_PER_PAGE = 100;
    /** Stays under DescribeAlarms' ~9 calls per second with room for anything else in the account. */
    static final long DESCRIBE_ALARMS_SPACING_MS = 150;
    private static final int MAX_PAGES = 1000;

    private final AwsSettings settings;
    private final AwsClients clients;
    private final Map<Target, AwsTarget> targets = new LinkedHashMap<>();
    private final Map<Target, Object> pacing = new ConcurrentHashMap<>();
    private final Map<Target, Long> lastDescribeAlarms = new ConcurrentHashMap<>();

    /** @param credentials the SDK's default chain in production; static fake ones in tests */
    public AwsHealthSource(AwsSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.clients = new AwsClients(settings, credentials);
        for (AwsTarget t : settings.targets()) {
            targets.putIfAbsent(new Target(t.account(), t.region()), t);
        }
    }

    @Override
    public boolean demo() {
        return false;
    }

    @Override
    public Optional<Target> target(String environment) {
        return settings.target(environment).map(t -> new Target(t.account(), t.region()));
    }

    @Override
    public List<Resource> discover(Target target, Stack stack) {
        var tagging = clients.of(aws(target)).tagging();
        List<Resource> found = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String page = token;
            GetResourcesResponse response = tagging.getResources(r -> r
                    .tagFilters(TagFilter.builder().key(Tags.SERVICE).values(stack.service()).build(),
                            TagFilter.builder().key(Tags.ENVIRONMENT).values(stack.environment()).build())
                    .resourcesPerPage(RESOURCES_PER_PAGE)
                    .paginationToken(page));
            for (ResourceTagMapping mapping : response.resourceTagMappingList()) {
                Arns.resource(mapping.resourceARN()).ifPresent(found::add);
            }
            token = response.paginationToken();
        } while (token != null && !token.isEmpty() && ++pages < MAX_PAGES);
        return found;
    }

    @Override
    public List<Alarm> alarms(Target target, String namePrefix) {
        CloudWatchClient cloudWatch = clients.of(aws(target)).cloudWatch();
        List<Alarm> alarms = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            DescribeAlarmsRequest.Builder request = DescribeAlarmsRequest.builder()
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)
                    .maxRecords(ALARMS_PER_PAGE)
                    .nextToken(token);
            if (!namePrefix.isEmpty()) {
                request.alarmNamePrefix(namePrefix);
            }
            pace(target);
            DescribeAlarmsResponse response = cloudWatch.describeAlarms(request.build());
            for (MetricAlarm a : response.metricAlarms()) {
                alarms.add(new Alarm(a.alarmName(), false, AlarmState.of(a.stateValueAsString()), a.stateReason(),
                        a.stateUpdatedTimestamp(), a.alarmDescription()));
            }
            for (CompositeAlarm a : response.compositeAlarms()) {
                alarms.add(new Alarm(a.alarmName(), true, AlarmState.of(a.stateValueAsString()), a.stateReason(),
                        a.stateUpdatedTimestamp(), a.alarmDescription()));
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty() && ++pages < MAX_PAGES);
        return alarms;
    }

    @Override
    public Map<MetricQuery, TimeSeries> metrics(Target target, List<MetricQuery> queries, Range.Window window) {
        CloudWatchClient cloudWatch = clients.of(aws(target)).cloudWatch();
        List<MetricQuery> distinct = queries.stream().distinct().toList();
        Map<MetricQuery, TimeSeries> out = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_QUERIES_PER_CALL) {
            out.putAll(batch(cloudWatch, distinct.subList(from, Math.min(distinct.size(), from + MAX_QUERIES_PER_CALL)), window));
        }
        return out;
    }

    /** One GetMetricData call of up to 500 queries, following NextToken until every datapoint is in. */
    private static Map<MetricQuery, TimeSeries> batch(CloudWatchClient cloudWatch, List<MetricQuery> queries, Range.Window window) {
        List<MetricDataQuery> wire = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            MetricQuery q = queries.get(i);
            wire.add(MetricDataQuery.builder()
                    .id("q" + i)
                    .returnData(true)
                    .metricStat(s -> s.period(window.periodSeconds()).stat(q.stat()).metric(m -> m
                            .namespace(q.namespace())
                            .metricName(q.metric())
                            .dimensions(q.dimensions().entrySet().stream()
                                    .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList())))
                    .build());
        }
        Map<String, List<Long>> times = new HashMap<>();
        Map<String, List<Double>> values = new HashMap<>();
        Map<String, StatusCode> status = new HashMap<>();
        String token = null;
        int pages = 0;
        do {
            GetMetricDataResponse response = cloudWatch.getMetricData(GetMetricDataRequest.builder()
                    .metricDataQueries(wire)
                    .startTime(window.start())
                    .endTime(window.end())
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                    .nextToken(token)
                    .build());
            for (MetricDataResult r : response.metricDataResults()) {
                List<Long> t = times.computeIfAbsent(r.id(), k -> new ArrayList<>());
                List<Double> v = values.computeIfAbsent(r.id(), k -> new ArrayList<>());
                for (int i = 0; i < Math.min(r.timestamps().size(), r.values().size()); i++) {
                    t.add(r.timestamps().get(i).getEpochSecond());
                    v.add(r.values().get(i));
                }
                status.put(r.id(), r.statusCode());
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty() && ++pages < MAX_PAGES);

        Map<MetricQuery, TimeSeries> out = new HashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            String id = "q" + i;
            StatusCode code = status.get(id);
            if (code == StatusCode.INTERNAL_ERROR || code == StatusCode.FORBIDDEN || code == null) {
                continue;
            }
            out.put(queries.get(i), series(times.get(id), values.get(id)));
        }
        return out;
    }

    private static TimeSeries series(List<Long> times, List<Double> values) {
        // pages come in time order, but sort anyway: the chart's axis needs it
        Integer[] order = new Integer[times.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparing(times::get));
        long[] t = new long[order.length];
        double[] v = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            t[i] = times.get(order[i]);
            v[i] = values.get(order[i]);
        }
        return new TimeSeries(t, v);
    }

    private void pace(Target target) {
        synchronized (pacing.computeIfAbsent(target, k -> new Object())) {
            long now = System.currentTimeMillis();
            long wait = lastDescribeAlarms.getOrDefault(target, 0L) + DESCRIBE_ALARMS_SPACING_MS - now;
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while pacing DescribeAlarms", e);
                }
            }
            lastDescribeAlarms.put(target, System.currentTimeMillis());
        }
    }

    private AwsTarget aws(Target target) {
        AwsTarget t = targets.get(target);
        if (t == null) {
            throw new IllegalArgumentException("no AWS target is configured for " + target.id());
        }
        return t;
    }

    @Override
    public String describe(Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            if (s.isThrottlingException()) {
                return "AWS throttled the request (" + (code == null ? "HTTP " + s.statusCode() : code) + ")";
            }
            if (s.statusCode() >= 500) {
                return "AWS failed with HTTP " + s.statusCode() + (code == null ? "" : " (" + code + ")");
            }
            return "AWS refused the request: " + (code == null ? "HTTP " + s.statusCode() : code);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return "AWS did not answer within " + settings.timeout().toMillis() + " ms";
        }
        if (e instanceof SdkClientException c) {
            return "AWS could not be reached: " + c.getMessage();
        }
        return HealthSource.super.describe(e);
    }

    @Override
    public void close() {
        clients.close();
    }
}
