package dev.launchpad.portal.catalog;

import java.time.Instant;
import java.util.List;

/** A published service in the catalog. */
public record Service(
        String name,
        String team,
        String description,
        String specJson,
        String blueprintVersion,
        String repository,
        String lastCommit,
        String status,
        String runId,
        String createdBy,
        Instant createdAt,
        List<String> features) {

    public Service {
        features = List.copyOf(features);
    }
}
