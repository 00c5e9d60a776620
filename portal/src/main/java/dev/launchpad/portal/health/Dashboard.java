package dev.launchpad.portal.health;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A stack's charts over a range, ready to draw: every line on one time axis.
 *
 * @param target     where it was read; null when the environment is not watched
 * @param timestamps the shared time axis, epoch seconds
 * @param notes      what could not be charted and why
 * @param queries    how many metrics the dashboard reads (what CloudWatch bills for)
 */
public record Dashboard(String service, String environment, List<String> environments, Target target, Range range,
                        Range.Window window, long[] timestamps, List<Chart> charts, List<String> notes, int queries,
                        boolean demo) {

    /**
     * One chart with its data.
     *
     * @param values  one array per line, null where there is no datapoint
     * @param readAt  when its oldest metric was read; null if none was
     * @param problem why it is not fresh, or null
     */
    public record Chart(String id, String section, String title, String unit, boolean perPeriod, List<String> labels,
                        List<Double[]> values, Instant readAt, boolean fresh, String problem) {

        public boolean hasData() {
            return values.stream().anyMatch(v -> Arrays.stream(v).anyMatch(Objects::nonNull));
        }
    }

    /** When the oldest chart was read; null if none was. */
    public Instant readAt() {
        return charts.stream().map(Chart::readAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Whether there are charts and all of them were read in the current bucket. */
    public boolean fresh() {
        return !charts.isEmpty() && charts.stream().allMatch(Chart::fresh);
    }

    public String problem() {
        return charts.stream().map(Chart::problem).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
