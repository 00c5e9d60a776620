package dev.launchpad.portal.cost;

import java.time.LocalDate;
import java.util.List;

/**
 * What a cost source says about one team: monthly cost by service and feature for the last six months
 * (the current month to date included), daily cost by service for the last 30 days, and the forecast of the
 * rest of the month (null when the source has none).
 */
public record TeamReport(String team, LocalDate today, List<Amount> monthly, List<Amount> daily, Forecast forecast) {

    public TeamReport {
        monthly = List.copyOf(monthly);
        daily = List.copyOf(daily);
    }

    /** Forecast spend from {@code from} to the end of the month ({@code to}, exclusive). */
    public record Forecast(LocalDate from, LocalDate to, double usd) {
    }
}
