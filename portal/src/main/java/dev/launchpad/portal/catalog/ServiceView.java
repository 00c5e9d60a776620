package dev.launchpad.portal.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.spec.SpecJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service as the API shows it. */
public record ServiceView(
        String name,
        String team,
        String description,
        String blueprintVersion,
        List<String> features,
        String cloneUrl,
        String lastCommit,
        String createdBy,
        Instant createdAt,
        String runId,
        JsonNode spec,
        Map<String, String> links) {

    public static ServiceView of(Service service) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/v1/services/" + service.name());
        links.put("page", "/services/" + service.name());
        links.put("run", "/api/v1/runs/" + service.runId());
        try {
            return new ServiceView(service.name(), service.team(), service.description(), service.blueprintVersion(),
                    service.features(), service.repository(), service.lastCommit(), service.createdBy(),
                    service.createdAt(), service.runId(), SpecJson.mapper().readTree(service.specJson()), links);
        } catch (Exception e) {
            throw new IllegalStateException("stored spec of " + service.name() + " is not JSON", e);
        }
    }
}
