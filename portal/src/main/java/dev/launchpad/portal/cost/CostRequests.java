package dev.launchpad.portal.cost;

import dev.launchpad.portal.db.Jdbc;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the requests the portal sends to the AWS cost APIs, per calendar month (UTC) and API, in the
 * database, so that every instance adds to one count. Cost Explorer bills $0.01 for each.
 */
public final class CostRequests {

    public static final double COST_EXPLORER_USD = 0.01;
    public static final String COST_EXPLORER_PREFIX = "ce:";

    private final Jdbc jdbc;
    private final Clock clock;

    public CostRequests(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One more request to {@code api}, e.g. {@code ce:GetCostAndUsage}. */
    public void count(String api) {
        String month = month();
        String update = "update cost_api_requests set requests = requests + 1 where billing_month = ? and api = ?";
        if (jdbc.update(update, month, api) > 0) {
            return;
        }
        try {
            jdbc.update("insert into cost_api_requests (billing_month, api, requests) values (?, ?, 1)", month, api);
        } catch (RuntimeException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
            jdbc.update(update, month, api);
        }
    }

    /** This month's requests by API. */
    public Map<String, Long> thisMonth() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.list("select api, requests from cost_api_requests where billing_month = ? order by api",
                rs -> counts.put(rs.getString(1), rs.getLong(2)), month());
        return counts;
    }

    /** This month's billed requests: those to Cost Explorer. */
    public long costExplorerThisMonth() {
        return thisMonth().entrySet().stream().filter(e -> e.getKey().startsWith(COST_EXPLORER_PREFIX))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public String month() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
    }
}
