package dev.launchpad.portal.cost;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.launchpad.portal.web.Format;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parts the cost pages and their JSON are made of. */
public final class CostView {

    private CostView() {
    }

    /** Where the figures come from and how old they are. */
    public record Freshness(String source, boolean demo, Instant fetchedAt, String error, Instant errorAt,
                            long refreshHours) {

        public boolean pending() {
            return fetchedAt == null;
        }

        public boolean stale() {
            return error != null && (fetchedAt == null || errorAt.isAfter(fetchedAt));
        }

        public String fetchedText() {
            return Format.time(fetchedAt);
        }

        public String errorText() {
            return Format.time(errorAt);
        }
    }

    /** Months as columns, one row per service, feature or team. */
    public record MonthTable(List<String> months, List<Row> rows, List<Double> totals) {

        public double total() {
            return totals.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** @param href a page for the row, or null */
    public record Row(String key, String label, String href, List<Double> values, double total) {
    }

    /** A chart: x as Unix seconds, one series per line. */
    public record Chart(String title, List<Long> x, List<Series> series) {
    }

    public record Series(String label, List<Double> values) {
    }

    /** A service whose last seven days cost more or less than the seven before. */
    public record Mover(String service, double previousWeekUsd, double lastWeekUsd, double changeUsd, Double changePercent) {

        public boolean up() {
            return changeUsd > 0;
        }
    }

    /** The budget of one environment; {@code found} false when AWS has no budget of that name. */
    public record BudgetView(String environment, String name, boolean found, Double limitUsd, Double actualUsd,
                             Double forecastUsd) {

        @JsonProperty
        public Integer actualPercent() {
            return found && limitUsd > 0 ? (int) Math.round(actualUsd / limitUsd * 100) : null;
        }

        @JsonProperty
        public Integer forecastPercent() {
            return found && forecastUsd != null && limitUsd > 0 ? (int) Math.round(forecastUsd / limitUsd * 100) : null;
        }

        @JsonProperty
        public boolean over() {
            return found && (actualUsd > limitUsd || (forecastUsd != null && forecastUsd > limitUsd));
        }
    }

    /**
     * The estimate made when the service was published ({@code stored}), or one made now with the default
     * assumptions for services published before estimates were kept.
     */
    public record EstimateView(boolean stored, Instant createdAt, String pricesAsOf, int environments,
                               double perEnvironmentUsd, double allEnvironmentsUsd, Map<String, Object> assumptions,
                               List<FeatureEstimate> features) {

        public String createdText() {
            return Format.date(createdAt);
        }
    }

    public record FeatureEstimate(String feature, String title, double perEnvironmentUsd, double allEnvironmentsUsd) {
    }

    /** The portal's own requests to the cost APIs this month, and what Cost Explorer bills for them. */
    public record Requests(String month, long costExplorer, double costExplorerUsd, long budgets) {
    }

    public static String usd(double value) {
        return String.format(Locale.ROOT, "$%,.2f", value);
    }

    public static String usd(Double value) {
        return value == null ? "—" : usd(value.doubleValue());
    }

    /** A quantity as a person reads it: grouped thousands, at most four decimals. */
    public static String number(double value) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.####", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(value);
    }

    /** A number for an HTML attribute: no grouping, no needless decimals. */
    public static String plain(Number value) {
        return new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    public static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** How a problem's field reads in the estimate panel: an assumption's title, or the field itself. */
    public static String fieldTitle(String field) {
        if (field.startsWith("assumptions.")) {
            String id = field.substring("assumptions.".length());
            return dev.launchpad.blueprint.cost.Assumptions.FIELDS.stream().filter(f -> f.id().equals(id))
                    .map(dev.launchpad.blueprint.cost.Assumptions.Field::title).findFirst().orElse(field);
        }
        return field;
    }
}
