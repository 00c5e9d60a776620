package dev.launchpad.blueprint.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * The WAF web ACL and its rules, and the REST API it needs: WAF cannot protect an HTTP API, so the REST
 * API's requests replace the HTTP API's.
 */
final class WafCosts implements FeatureCosts {

    /** Share of requests WAF blocks or counts, the only ones it logs. */
    static final double LOGGED_SHARE = 0.01;
    static final double LOG_RECORD_KB = 2;

    @Override
    public String feature() {
        return "waf";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        double requests = s.requests();
        List<String> rules = new ArrayList<>(List.of("rate limit", "core rule set", "known bad inputs", "SQL injection"));
        if (!s.listOption("waf", "allowedIpCidrs").isEmpty()) {
            rules.add("allowed IPs");
        }
        if (!s.listOption("waf", "blockedIpCidrs").isEmpty()) {
            rules.add("blocked IPs");
        }
        if (!s.listOption("waf", "blockedCountries").isEmpty()) {
            rules.add("blocked countries");
        }
        bill.add("WAF web ACL", 1, "waf.webAcl", "1 web ACL");
        bill.add("WAF rules", rules.size(), "waf.rule", rules.size() + " rules: " + String.join(", ", rules));
        bill.add("WAF requests", requests, "waf.requests", Num.of(requests) + " requests inspected");
        bill.add("API Gateway REST API requests", requests, "apigateway.rest.requests",
                Num.of(requests) + " requests (WAF needs a REST API)");
        bill.add("API Gateway HTTP API requests (replaced)", -requests, "apigateway.http.requests",
                "−" + Num.of(requests) + " requests no longer served by the HTTP API");
        bill.kmsKey("WAF and API logs");
        if (s.boolOption("waf", "logging", true)) {
            double gb = requests * LOGGED_SHARE * LOG_RECORD_KB / Stack.KB_PER_GB;
            bill.logs("WAF request log", gb, Num.of(requests) + " requests × 1% blocked or counted × "
                    + Num.of(LOG_RECORD_KB) + " KB ÷ 1,048,576 KB per GB");
        }
        bill.alarms(1, "1 alarm on blocked requests");
    }
}
