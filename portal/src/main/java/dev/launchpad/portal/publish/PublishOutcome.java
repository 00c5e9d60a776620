package dev.launchpad.portal.publish;

import dev.launchpad.portal.catalog.Service;

/** How a publish run ended. */
public sealed interface PublishOutcome {

    String runId();

    record Published(String runId, Service service, String cloneUrl) implements PublishOutcome {
    }

    /** Someone else holds the name (a published service, or a run still creating it). */
    record NameTaken(String runId, String name, String reason) implements PublishOutcome {
    }

    /** A step failed; nothing was registered and the name is free again. */
    record Failed(String runId, String step, String message) implements PublishOutcome {
    }
}
