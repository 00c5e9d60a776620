package dev.launchpad.blueprint.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.blueprint.spec.ProjectSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The traffic a cost estimate assumes for one environment of a service. These are guesses a person makes
 * and changes, so they are not part of the spec: the spec says what is built, these say how it is used.
 *
 * @param requestsPerMonth       API requests a month
 * @param avgDurationMs          average duration of one function invocation
 * @param payloadKb              average size of a request's item, event or record
 * @param storedDataGb           data kept in the service's tables
 * @param streamRecordsPerSecond records a second written to the Kinesis streams, all streams together
 * @param writePercent           share of API requests that write (the rest read)
 * @param logKbPerRequest        application log written per function invocation
 */
public record Assumptions(long requestsPerMonth, int avgDurationMs, double payloadKb, double storedDataGb,
                          double streamRecordsPerSecond, int writePercent, double logKbPerRequest) {

    /** One assumption: what the form shows and what validation allows. */
    public record Field(String id, String title, String unit, String help, Number defaultValue, Number min, Number max,
                        boolean whole) {

        /** The rule a value must follow, in the words of a problem message. */
        public String allowed() {
            return (whole ? "a whole number" : "a number") + " from " + Num.of(min.doubleValue()) + " to "
                    + Num.of(max.doubleValue()) + " (" + unit + ")";
        }
    }

    public static final List<Field> FIELDS = List.of(
            new Field("requestsPerMonth", "Requests per month", "requests",
                    "API requests in one month, in one environment.", 1_000_000L, 0L, 100_000_000_000L, true),
            new Field("avgDurationMs", "Average duration", "ms",
                    "How long a function invocation runs on average; Lambda bills it by the millisecond.", 200, 1, 900_000, true),
            new Field("payloadKb", "Payload size", "KB",
                    "Average size of a stored item, an event or a stream record.", 2, 0.1, 1024, false),
            new Field("storedDataGb", "Stored data", "GB",
                    "Data kept in the service's tables.", 1, 0, 100_000, false),
            new Field("streamRecordsPerSecond", "Stream throughput", "records/s",
                    "Records a second written to the Kinesis streams, all streams together (kinesis only).", 10, 0, 1_000_000, false),
            new Field("writePercent", "Writes", "% of requests",
                    "Share of API requests that write; the others read.", 20, 0, 100, true),
            new Field("logKbPerRequest", "Log per invocation", "KB",
                    "Application log a function writes per invocation.", 1, 0, 1024, false));

    public static final Assumptions DEFAULTS = new Assumptions(1_000_000L, 200, 2, 1, 10, 20, 1);

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    /** The outcome of reading assumptions: the values, or the problems, each naming its field. */
    public sealed interface Parsed {
        record Valid(Assumptions assumptions) implements Parsed {
        }

        record Invalid(List<Problem> problems) implements Parsed {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    /** Megabytes a second written to the streams, from the records and their size. */
    public double streamMbPerSecond() {
        return streamRecordsPerSecond * payloadKb / 1024;
    }

    /** The values by field id, as the form and the API show them. */
    public Map<String, Number> values() {
        Map<String, Number> values = new LinkedHashMap<>();
        values.put("requestsPerMonth", requestsPerMonth);
        values.put("avgDurationMs", avgDurationMs);
        values.put("payloadKb", payloadKb);
        values.put("storedDataGb", storedDataGb);
        values.put("streamRecordsPerSecond", streamRecordsPerSecond);
        values.put("writePercent", writePercent);
        values.put("logKbPerRequest", logKbPerRequest);
        return values;
    }

    /**
     * Reads assumptions from text (query parameters, form fields): a field left out or blank takes its
     * default; other keys are not assumptions and are ignored.
     */
    public static Parsed fromText(Map<String, String> text) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            String value = text.get(field.id());
            if (value != null && !value.isBlank()) {
                given.put(field.id(), value.strip());
            }
        }
        return read(given, new ArrayList<>());
    }

    /** Reads the JSON object of an estimate request: numbers (or numeric strings); unknown fields are problems. */
    public static Parsed fromJson(JsonNode node) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> given = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new Parsed.Valid(DEFAULTS);
        }
        if (!node.isObject()) {
            return new Parsed.Invalid(List.of(new Problem("assumptions", "must be an object from assumption to number;"
                    + " the assumptions are " + ids())));
        }
        node.fields().forEachRemaining(e -> {
            String field = "assumptions." + e.getKey();
            if (FIELDS.stream().noneMatch(f -> f.id().equals(e.getKey()))) {
                problems.add(new Problem(field, "unknown assumption; the assumptions are " + ids()));
            } else if (e.getValue().isNumber()) {
                given.put(e.getKey(), e.getValue().decimalValue().toPlainString());
            } else if (e.getValue().isTextual()) {
                given.put(e.getKey(), e.getValue().asText().strip());
            } else if (!e.getValue().isNull()) {
                given.put(e.getKey(), "not a number");
            }
        });
        return read(given, problems);
    }

    /** Problems that need the spec: an average duration longer than the function timeout cannot happen. */
    public List<Problem> problemsWith(ProjectSpec spec) {
        Object timeout = spec.options("core").get("timeoutSeconds");
        if (timeout instanceof Number seconds && avgDurationMs > seconds.longValue() * 1000) {
            return List.of(new Problem("assumptions.avgDurationMs", "must not be longer than the functions' timeout of "
                    + seconds + " seconds (" + seconds.longValue() * 1000 + " ms), the core option timeoutSeconds"));
        }
        return List.of();
    }

    private static Parsed read(Map<String, String> given, List<Problem> problems) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            String text = given.get(field.id());
            if (text == null) {
                values.put(field.id(), new BigDecimal(field.defaultValue().toString()));
                continue;
            }
            BigDecimal value = NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
            boolean ok = value != null
                    && (!field.whole() || value.stripTrailingZeros().scale() <= 0)
                    && value.compareTo(new BigDecimal(field.min().toString())) >= 0
                    && value.compareTo(new BigDecimal(field.max().toString())) <= 0;
            if (ok) {
                values.put(field.id(), value);
            } else {
                problems.add(new Problem("assumptions." + field.id(), "must be " + field.allowed()));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed.Invalid(problems);
        }
        return new Parsed.Valid(new Assumptions(
                values.get("requestsPerMonth").longValueExact(),
                values.get("avgDurationMs").intValueExact(),
                values.get("payloadKb").doubleValue(),
                values.get("storedDataGb").doubleValue(),
                values.get("streamRecordsPerSecond").doubleValue(),
                values.get("writePercent").intValueExact(),
                values.get("logKbPerRequest").doubleValue()));
    }

    private static String ids() {
        return String.join(", ", FIELDS.stream().map(Field::id).toList());
    }
}
