package dev.launchpad.portal.runs;

import java.time.Instant;

/**
 * One attempt to publish a service: a list of steps that each log events.
 *
 * @param instanceId the portal instance executing the run ({@code LAUNCHPAD_INSTANCE_ID}); null for runs
 *                   recorded before the portal kept it
 */
public record Run(
        String id,
        String kind,
        String serviceName,
        String team,
        String specJson,
        Status status,
        String error,
        String requestedBy,
        String retryOf,
        Instant startedAt,
        Instant finishedAt,
        String instanceId) {

    public enum Status {
        RUNNING, SUCCEEDED, FAILED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public boolean finished() {
        return status != Status.RUNNING;
    }
}
