package dev.launchpad.portal.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.portal.catalog.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the health pages need to know about a catalog service: its team, features and environments,
 * and the one option that changes what is deployed (a Multi-AZ cache has a second node).
 */
public record ServiceProfile(String name, String team, String description, Set<String> features,
                             List<String> environments, boolean cacheMultiAz) {

    public ServiceProfile {
        features = java.util.Collections.unmodifiableSet(new TreeSet<>(features));
        environments = List.copyOf(environments);
    }

    public boolean has(String feature) {
        return features.contains(feature);
    }

    public Stack stack(String environment) {
        return new Stack(name, environment);
    }

    public static ServiceProfile of(Service service) {
        List<String> environments = new ArrayList<>();
        boolean multiAz = false;
        try {
            JsonNode spec = SpecJson.mapper().readTree(service.specJson());
            spec.path("environments").forEach(e -> environments.add(e.asText()));
            multiAz = spec.path("features").path("redis").path("multiAz").asBoolean(true);
        } catch (Exception e) {
            // a spec that does not parse has no environments to watch
        }
        return new ServiceProfile(service.name(), service.team(), service.description(), Set.copyOf(service.features()),
                environments, multiAz);
    }
}
