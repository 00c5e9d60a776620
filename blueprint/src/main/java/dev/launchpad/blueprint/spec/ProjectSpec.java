package dev.launchpad.blueprint.spec;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A validated request for a service: what the renderer reads, and what {@code .launchpad/spec.json}
 * records. Feature options are complete (defaults filled in), so a stored spec replays to the same
 * project even if a later catalog changes a default.
 *
 * @param features enabled feature id to its options (option id to Boolean, Integer, String or
 *                 List of String), both sorted by id
 */
public record ProjectSpec(
        String blueprintVersion,
        String name,
        String team,
        String description,
        String javaPackage,
        String region,
        List<String> environments,
        SortedMap<String, SortedMap<String, Object>> features) {

    public ProjectSpec {
        environments = List.copyOf(environments);
        SortedMap<String, SortedMap<String, Object>> copy = new TreeMap<>();
        features.forEach((id, options) -> copy.put(id, java.util.Collections.unmodifiableSortedMap(new TreeMap<>(options))));
        features = java.util.Collections.unmodifiableSortedMap(copy);
    }

    public boolean has(String featureId) {
        return features.containsKey(featureId);
    }

    public Map<String, Object> options(String featureId) {
        return features.getOrDefault(featureId, new TreeMap<>());
    }
}
