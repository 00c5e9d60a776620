package dev.launchpad.portal.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AWS accounts and regions the portal reads stacks from, and how it calls AWS. With no targets the
 * portal shows demo data instead.
 *
 * @param endpoint an endpoint for every AWS API instead of AWS's own (a local stub, a LocalStack-like
 *                 service), or null
 * @param timeout  how long one AWS API call may take, its retries included
 */
public record AwsSettings(List<AwsTarget> targets, URI endpoint, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final AwsSettings NONE = new AwsSettings(List.of(), null, DEFAULT_TIMEOUT);

    private static final Pattern ENVIRONMENT = Pattern.compile("\\*|[a-z][a-z0-9-]{0,31}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

    public AwsSettings {
        targets = List.copyOf(targets);
    }

    public boolean configured() {
        return !targets.isEmpty();
    }

    /** The target of an environment: its own entry, else the {@code *} entry. */
    public Optional<AwsTarget> target(String environment) {
        return targets.stream().filter(t -> t.environment().equals(environment)).findFirst()
                .or(() -> targets.stream().filter(t -> t.environment().equals(AwsTarget.ANY_ENVIRONMENT)).findFirst());
    }

    public AwsSettings withEndpoint(URI uri) {
        return new AwsSettings(targets, uri, timeout);
    }

    public AwsSettings withTimeout(Duration d) {
        return new AwsSettings(targets, endpoint, d);
    }

    /**
     * Reads the settings from their variables' values (null when unset), adding a line to {@code problems}
     * for each one that is wrong.
     *
     * @param targets  {@code LAUNCHPAD_AWS_TARGETS}: {@code environment=accountId:region[:roleArn]}, separated
     *                 by commas or spaces; {@code *} as the environment covers the rest
     * @param region   {@code LAUNCHPAD_AWS_REGION}: shorthand for {@code *=default:region}
     */
    public static AwsSettings parse(String targets, String region, String endpoint, String timeoutMs, List<String> problems) {
        Map<String, AwsTarget> parsed = new LinkedHashMap<>();
        if (targets != null) {
            for (String entry : targets.trim().split("[,\\s]+")) {
                target(entry, problems).ifPresent(t -> {
                    if (parsed.putIfAbsent(t.environment(), t) != null) {
                        problems.add("LAUNCHPAD_AWS_TARGETS names environment " + t.environment() + " twice");
                    }
                });
            }
        }
        if (region != null) {
            if (!REGION.matcher(region).matches()) {
                problems.add("LAUNCHPAD_AWS_REGION must be an AWS region such as eu-west-1, not '" + region + "'");
            } else {
                parsed.putIfAbsent(AwsTarget.ANY_ENVIRONMENT, new AwsTarget(AwsTarget.ANY_ENVIRONMENT, "default", region, null));
            }
        }
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = new URI(endpoint);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add("LAUNCHPAD_AWS_ENDPOINT must be an http or https URL, not '" + endpoint + "'");
                }
            } catch (Exception e) {
                problems.add("LAUNCHPAD_AWS_ENDPOINT must be an http or https URL, not '" + endpoint + "'");
            }
        }
        Duration timeout = DEFAULT_TIMEOUT;
        if (timeoutMs != null) {
            try {
                long ms = Long.parseLong(timeoutMs);
                if (ms < 100 || ms > 120_000) {
                    throw new NumberFormatException();
                }
                timeout = Duration.ofMillis(ms);
            } catch (NumberFormatException e) {
                problems.add("LAUNCHPAD_AWS_TIMEOUT_MS must be milliseconds from 100 to 120000, not '" + timeoutMs + "'");
            }
        }
        return new AwsSettings(new ArrayList<>(parsed.values()), uri, timeout);
    }

    private static Optional<AwsTarget> target(String entry, List<String> problems) {
        String hint = "; each entry is environment=accountId:region[:roleArn], for example prod=111122223333:eu-west-1";
        int eq = entry.indexOf('=');
        if (eq < 0) {
            problems.add("LAUNCHPAD_AWS_TARGETS entry '" + entry + "' has no '='" + hint);
            return Optional.empty();
        }
        String environment = entry.substring(0, eq);
        String[] parts = entry.substring(eq + 1).split(":", 3);
        List<String> wrong = new ArrayList<>();
        if (!ENVIRONMENT.matcher(environment).matches()) {
            wrong.add("'" + environment + "' is not an environment name");
        }
        if (parts.length < 2) {
            problems.add("LAUNCHPAD_AWS_TARGETS entry '" + entry + "' needs an account and a region" + hint);
            return Optional.empty();
        }
        if (!ACCOUNT.matcher(parts[0]).matches()) {
            wrong.add("'" + parts[0] + "' is not a 12-digit account id");
        }
        if (!REGION.matcher(parts[1]).matches()) {
            wrong.add("'" + parts[1] + "' is not a region");
        }
        String role = parts.length == 3 ? parts[2] : null;
        if (role != null && !ROLE.matcher(role).matches()) {
            wrong.add("'" + role + "' is not an IAM role ARN");
        }
        if (!wrong.isEmpty()) {
            problems.add("LAUNCHPAD_AWS_TARGETS entry '" + entry + "': " + String.join(", ", wrong) + hint);
            return Optional.empty();
        }
        return Optional.of(new AwsTarget(environment, parts[0], parts[1], role));
    }
}
