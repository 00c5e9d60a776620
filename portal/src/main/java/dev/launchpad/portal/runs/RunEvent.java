package dev.launchpad.portal.runs;

import java.time.Instant;

/**
 * Something a run's step reported. The last event of a run has step {@link #RUN} and status
 * {@code succeeded} or {@code failed}.
 */
public record RunEvent(String runId, int seq, String step, String status, String message, Instant at) {

    public static final String RUN = "run";

    public boolean endsRun() {
        return RUN.equals(step) && ("succeeded".equals(status) || "failed".equals(status));
    }
}
