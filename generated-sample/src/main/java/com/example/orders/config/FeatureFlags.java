package com.example.orders.config;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.aws.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's feature flags: Parameter Store parameters {@code <prefix>features/<flag>} holding
 * {@code true} or {@code false}, which operators flip without a deployment. Every flag is read with
 * one call and kept for the cache time, so a change takes effect within that time and checking a flag
 * costs no call on most requests.
 *
 * <p>A flag is off unless its parameter says {@code true}: a flag that does not exist, is misspelt or
 * cannot be read is off, so new code paths stay dark until someone turns them on. When Parameter Store
 * cannot be reached, the flags read last stay in force, and the next read is tried after the cache
 * time rather than on every request.
 */
public final class FeatureFlags {

    /** Path of the stack's parameters, {@code /<service>/<environment>/}. */
    public static final String PREFIX_VARIABLE = "PARAMETER_STORE_PREFIX";
    public static final String CACHE_SECONDS_VARIABLE = "PARAMETERS_CACHE_SECONDS";
    static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(FeatureFlags.class);

    private final ParameterStore store;
    private final String path;
    private final Duration cacheTime;
    private final Clock clock;
    private final FlagEvaluations evaluations;

    private Map<String, Boolean> flags = Map.of();
    private Instant readAt;

    /**
     * @param prefix    the stack's parameter path, ending with a slash; the flags are under {@code features/}
     * @param cacheTime how long flags read are used before they are read again; zero reads on every check
     */
    public FeatureFlags(ParameterStore store, String prefix, Duration cacheTime, Clock clock, FlagEvaluations evaluations) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException(PREFIX_VARIABLE + " must start and end with a slash but is \"" + prefix + "\"");
        }
        if (cacheTime.isNegative()) {
            throw new IllegalArgumentException(CACHE_SECONDS_VARIABLE + " must not be negative");
        }
        this.store = store;
        this.path = prefix + "features/";
        this.cacheTime = cacheTime;
        this.clock = clock;
        this.evaluations = evaluations;
    }

    /** The flags of a function in Lambda: Parameter Store through the SDK, the prefix and cache time from its environment. */
    public static FeatureFlags fromEnvironment(ServiceConfig config) {
        return from(System.getenv(), config, new SsmParameterStore(AwsClients.ssm(config)), Clock.systemUTC(),
                PowertoolsFlagEvaluations.create(config));
    }

    /** The prefix defaults to {@code /<service>/<environment>/}, as the Terraform names it. */
    static FeatureFlags from(Map<String, String> env, ServiceConfig config, ParameterStore store, Clock clock,
                             FlagEvaluations evaluations) {
        String prefix = env.getOrDefault(PREFIX_VARIABLE, "/" + ServiceConfig.SERVICE + "/" + config.environment() + "/");
        String seconds = env.get(CACHE_SECONDS_VARIABLE);
        Duration cacheTime;
        try {
            cacheTime = seconds == null ? DEFAULT_CACHE_TIME : Duration.ofSeconds(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(CACHE_SECONDS_VARIABLE + " must be a whole number of seconds but is \"" + seconds + "\"");
        }
        return new FeatureFlags(store, prefix, cacheTime, clock, evaluations);
    }

    /** Whether {@code flag} is on now; unknown flags are off. Every check is counted. */
    public boolean isEnabled(String flag) {
        boolean enabled = current().getOrDefault(flag, false);
        evaluations.evaluated(flag, enabled);
        return enabled;
    }

    /**
     * The state of each of {@code names}, for a report rather than a decision: these reads are not
     * counted as evaluations.
     */
    public Map<String, Boolean> states(Collection<String> names) {
        Map<String, Boolean> current = current();
        Map<String, Boolean> states = new TreeMap<>();
        names.forEach(name -> states.put(name, current.getOrDefault(name, false)));
        return states;
    }

    private synchronized Map<String, Boolean> current() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(cacheTime))) {
            try {
                flags = parse(store.byPath(path));
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the feature flags; the ones read last stay in force", entry("path", path), e);
            }
            readAt = now;
        }
        return flags;
    }

    private static Map<String, Boolean> parse(Map<String, String> values) {
        Map<String, Boolean> parsed = new HashMap<>();
        values.forEach((name, value) -> parsed.put(name, value != null && value.trim().toLowerCase(Locale.ROOT).equals("true")));
        return Map.copyOf(parsed);
    }
}
