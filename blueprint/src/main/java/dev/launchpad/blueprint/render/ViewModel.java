package dev.launchpad.blueprint.render;

import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.spec.ProjectSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a template sees, and nothing more:
 * <ul>
 *   <li>{@code $project}: name, team, description, javaPackage, packagePath, className (PascalCase of the
 *       name), region, environments, blueprintVersion;</li>
 *   <li>{@code $features}: every catalog feature id to true or false;</li>
 *   <li>{@code $options}: each enabled feature id to its options (a disabled feature has no entry, so a
 *       template reading its options fails loudly in strict mode);</li>
 *   <li>{@code $modules}: the source of each platform Terraform module.</li>
 * </ul>
 */
record ViewModel(Map<String, Object> project, Map<String, Boolean> features,
                 Map<String, Map<String, Object>> options, ModuleSource modules) {

    static ViewModel of(ProjectSpec spec, FeatureCatalog catalog, ModuleSource modules) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", spec.name());
        project.put("team", spec.team());
        project.put("description", spec.description());
        project.put("javaPackage", spec.javaPackage());
        project.put("packagePath", spec.javaPackage().replace('.', '/'));
        project.put("className", className(spec.name()));
        project.put("region", spec.region());
        project.put("environments", spec.environments());
        project.put("blueprintVersion", spec.blueprintVersion());

        Map<String, Boolean> features = new TreeMap<>();
        for (Feature feature : catalog.features()) {
            features.put(feature.id(), spec.has(feature.id()));
        }
        Map<String, Map<String, Object>> options = new TreeMap<>();
        spec.features().forEach((id, values) -> options.put(id, values));
        return new ViewModel(Map.copyOf(project), Map.copyOf(features), Map.copyOf(options), modules);
    }

    /** {@code order-service} becomes {@code OrderService}. */
    static String className(String name) {
        return Arrays.stream(name.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
