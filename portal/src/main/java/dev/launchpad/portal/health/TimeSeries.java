package dev.launchpad.portal.health;

import java.util.Arrays;

/** Datapoints of one metric, oldest first: epoch seconds and their values. */
public record TimeSeries(long[] epochSeconds, double[] values) {

    public static final TimeSeries EMPTY = new TimeSeries(new long[0], new double[0]);

    public TimeSeries {
        if (epochSeconds.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t && Arrays.equals(epochSeconds, t.epochSeconds) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(epochSeconds) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + values.length + " points]";
    }
}
