package dev.launchpad.portal.scaffold;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.catalog.FeatureOption;
import dev.launchpad.blueprint.spec.SpecValidator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The new-service form as the browser sends it: strings, checkboxes and {@code opt.<feature>.<option>}
 * fields. It becomes spec JSON, which the blueprint validates like any other request.
 *
 * @param options feature id + "." + option id to the text the user entered
 */
public record ServiceForm(String name, String team, String description, String javaPackage, String region,
                          String environments, Set<String> features, Map<String, String> options) {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");

    public ServiceForm {
        features = Set.copyOf(features);
        options = Map.copyOf(options);
    }

    /** A new form: the default region, environments and features, every option at its default. */
    public static ServiceForm blank(FeatureCatalog catalog) {
        Set<String> enabled = new LinkedHashSet<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (Feature feature : catalog.features()) {
            if (feature.alwaysOn() || feature.defaultEnabled()) {
                enabled.add(feature.id());
            }
            for (FeatureOption option : feature.options()) {
                options.put(feature.id() + "." + option.id(), text(option.defaultValue()));
            }
        }
        return new ServiceForm("", "", "", "", SpecValidator.DEFAULT_REGION,
                String.join(", ", SpecValidator.DEFAULT_ENVIRONMENTS), enabled, options);
    }

    public static ServiceForm from(Map<String, List<String>> params, FeatureCatalog catalog) {
        Set<String> enabled = new LinkedHashSet<>(params.getOrDefault("feature", List.of()));
        catalog.features().stream().filter(Feature::alwaysOn).forEach(f -> enabled.add(f.id()));
        Map<String, String> options = new LinkedHashMap<>();
        params.forEach((key, values) -> {
            if (key.startsWith("opt.") && !values.isEmpty()) {
                // a checkbox sends a hidden "false" and, when ticked, "true" after it
                options.put(key.substring(4), values.getLast());
            }
        });
        return new ServiceForm(first(params, "name"), first(params, "team"), first(params, "description"),
                first(params, "javaPackage"), first(params, "region"), first(params, "environments"), enabled, options);
    }

    public boolean enabled(String featureId) {
        return features.contains(featureId);
    }

    public String option(String featureId, String optionId) {
        return options.getOrDefault(featureId + "." + optionId, "");
    }

    /** The request this form makes, in the spec JSON format; blank optional fields are left out. */
    public String toSpecJson(FeatureCatalog catalog) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode spec = f.objectNode();
        putIfPresent(spec, "name", name);
        putIfPresent(spec, "team", team);
        putIfPresent(spec, "description", description);
        putIfPresent(spec, "javaPackage", javaPackage);
        putIfPresent(spec, "region", region);
        ArrayNode envs = spec.putArray("environments");
        split(environments).forEach(envs::add);
        ObjectNode featureNode = spec.putObject("features");
        for (Feature feature : catalog.features()) {
            if (!features.contains(feature.id())) {
                continue;
            }
            ObjectNode opts = featureNode.putObject(feature.id());
            for (FeatureOption option : feature.options()) {
                String value = option(feature.id(), option.id()).strip();
                switch (option.type()) {
                    case BOOLEAN -> opts.put(option.id(), "true".equals(value));
                    case INTEGER -> {
                        if (INTEGER.matcher(value).matches()) {
                            opts.put(option.id(), Long.parseLong(value));
                        } else if (!value.isEmpty()) {
                            opts.put(option.id(), value);
                        }
                    }
                    case STRING_LIST -> {
                        if (!value.isEmpty()) {
                            ArrayNode items = opts.putArray(option.id());
                            split(value).forEach(items::add);
                        }
                    }
                    case ENUM, STRING, EMAIL -> {
                        if (!value.isEmpty()) {
                            opts.put(option.id(), value);
                        }
                    }
                }
            }
        }
        return spec.toString();
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(LIST_SEPARATOR.split(text.strip())).filter(s -> !s.isEmpty()).toList();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.strip());
        }
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join("\n", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}
