package dev.launchpad.blueprint.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A capability a service can have.
 *
 * @param alwaysOn       part of every service (the base Lambda service); cannot be turned off
 * @param defaultEnabled selected when a request does not list features at all
 * @param templates      the templates it contributes, relative to {@code templates/} on the classpath
 */
public record Feature(
        String id,
        String title,
        String category,
        String description,
        boolean alwaysOn,
        boolean defaultEnabled,
        List<FeatureOption> options,
        List<OptionRule> rules,
        List<FeatureLink> requires,
        List<FeatureLink> conflicts,
        List<String> templates) {

    public Feature {
        options = options == null ? List.of() : List.copyOf(options);
        rules = rules == null ? List.of() : List.copyOf(rules);
        requires = requires == null ? List.of() : List.copyOf(requires);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        templates = templates == null ? List.of() : List.copyOf(templates);
    }

    public Optional<FeatureOption> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
