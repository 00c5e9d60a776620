package dev.launchpad.portal.cost;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the cost pages get their figures. Cost Explorer and Budgets answer for a whole payer account from
 * us-east-1, whatever regions the services run in, so they need an account, not the per-environment targets
 * the health pages read.
 *
 * @param accountId the payer account whose budgets are read (AWS Budgets needs it), or null for demo data
 * @param endpoint  a stand-in for both APIs (a local stub), or null for AWS's own
 * @param refresh   how old cached figures may get before the background refresh fetches them again
 * @param checkEvery how often the background refresh looks for figures older than that
 */
public record CostSettings(Source source, String accountId, URI endpoint, Duration refresh, Duration checkEvery) {

    public enum Source { DEMO, AWS }

    public static final Duration DEFAULT_REFRESH = Duration.ofHours(8);
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMinutes(5);
    public static final CostSettings DEMO = new CostSettings(Source.DEMO, null, null, DEFAULT_REFRESH);
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public CostSettings(Source source, String accountId, URI endpoint, Duration refresh) {
        this(source, accountId, endpoint, refresh, DEFAULT_CHECK_EVERY);
    }

    /** Reads the settings from their variables' values (null when unset), adding a line per problem. */
    public static CostSettings parse(String source, String accountId, String endpoint, String refreshHours,
                                     List<String> problems) {
        Source s = Source.DEMO;
        if (source != null) {
            switch (source.toLowerCase(java.util.Locale.ROOT)) {
                case "demo" -> s = Source.DEMO;
                case "aws" -> s = Source.AWS;
                default -> problems.add("LAUNCHPAD_COST_SOURCE must be demo or aws, not '" + source + "'");
            }
        }
        if (accountId != null && !ACCOUNT.matcher(accountId).matches()) {
            problems.add("LAUNCHPAD_COST_ACCOUNT_ID must be a 12-digit AWS account id, not '" + accountId + "'");
        } else if (s == Source.AWS && accountId == null) {
            problems.add("LAUNCHPAD_COST_SOURCE=aws needs LAUNCHPAD_COST_ACCOUNT_ID, the payer account whose budgets are read");
        }
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = new URI(endpoint);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add("LAUNCHPAD_COST_ENDPOINT must be an http or https URL, not '" + endpoint + "'");
                }
            } catch (Exception e) {
                problems.add("LAUNCHPAD_COST_ENDPOINT must be an http or https URL, not '" + endpoint + "'");
            }
        }
        Duration refresh = DEFAULT_REFRESH;
        if (refreshHours != null) {
            try {
                int hours = Integer.parseInt(refreshHours);
                if (hours < 1 || hours > 24) {
                    throw new NumberFormatException();
                }
                refresh = Duration.ofHours(hours);
            } catch (NumberFormatException e) {
                problems.add("LAUNCHPAD_COST_REFRESH_HOURS must be a whole number of hours from 1 to 24, not '" + refreshHours + "'");
            }
        }
        return new CostSettings(s, accountId, uri, refresh);
    }

    @Override
    public String toString() {
        return "CostSettings[source=" + source + ", accountId=" + accountId + ", endpoint=" + endpoint
                + ", refresh=" + refresh + ", checkEvery=" + checkEvery + "]";
    }
}
