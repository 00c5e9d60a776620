package dev.launchpad.portal.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where health data comes from: AWS in production, synthetic data when no AWS is configured. Calls may
 * be slow or fail with any runtime exception; the cache in front of them decides what a page shows.
 */
public interface HealthSource {

    /** True when the data is synthetic and every page showing it must say so. */
    boolean demo();

    /** The account and region an environment's stacks are read from; empty when it is not watched. */
    Optional<Target> target(String environment);

    /** The stack's resources that carry its {@code launchpad:service} and {@code launchpad:environment} tags. */
    List<Resource> discover(Target target, Stack stack);

    /** Metric and composite alarms whose names start with {@code namePrefix} ("" for all), every page of them. */
    List<Alarm> alarms(Target target, String namePrefix);

    /**
     * The datapoints of each query over the window; queries left out of the answer could not be read.
     * Implementations batch the queries into as few calls as the service allows.
     */
    Map<MetricQuery, TimeSeries> metrics(Target target, List<MetricQuery> queries, Range.Window window);

    /** What a failed call means, in the few words a page shows beside the data it could not refresh. */
    default String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
