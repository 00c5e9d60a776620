package dev.launchpad.portal.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureLink;
import dev.launchpad.blueprint.catalog.FeatureOption;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Regions;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.blueprint.spec.SpecValidator;
import dev.launchpad.blueprint.spec.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code GET /api/v1/blueprint} tells a client: every field, feature, option, default and constraint. */
public final class BlueprintView {

    private BlueprintView() {
    }

    public static Map<String, Object> of(Blueprint blueprint) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("blueprintVersion", blueprint.version());
        view.put("specFormat", "the JSON of .launchpad/spec.json; every endpoint that takes a spec takes exactly this");
        view.put("fields", fields());
        view.put("features", blueprint.catalog().features().stream().map(BlueprintView::feature).toList());
        view.put("example", example(blueprint));
        return view;
    }

    /** The smallest valid spec with every default filled in, as the validator completes it. */
    public static JsonNode example(Blueprint blueprint) {
        String json = "{\"name\": \"order-service\", \"team\": \"payments\", \"description\": \"Takes and tracks orders\"}";
        if (blueprint.validate(json) instanceof Validation.Valid valid) {
            return toTree(valid.spec());
        }
        throw new IllegalStateException("the example spec does not validate");
    }

    private static JsonNode toTree(ProjectSpec spec) {
        try {
            return SpecJson.mapper().readTree(SpecJson.write(spec));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("blueprintVersion", field(false, "the blueprint version this portal renders, or left out", null));
        Map<String, Object> name = field(true, SpecValidator.NAME_RULE, null);
        name.put("pattern", SpecValidator.NAME.pattern());
        name.put("minLength", SpecValidator.NAME_MIN);
        name.put("maxLength", SpecValidator.NAME_MAX);
        name.put("unique", "service names are unique across all teams");
        fields.put("name", name);
        Map<String, Object> team = field(true, SpecValidator.TEAM_RULE, null);
        team.put("pattern", SpecValidator.TEAM.pattern());
        team.put("minLength", SpecValidator.TEAM_MIN);
        team.put("maxLength", SpecValidator.TEAM_MAX);
        fields.put("team", team);
        Map<String, Object> description = field(true, SpecValidator.DESCRIPTION_RULE, null);
        description.put("maxLength", SpecValidator.DESCRIPTION_MAX);
        fields.put("description", description);
        fields.put("javaPackage", field(false, SpecValidator.PACKAGE_RULE, "com.example.<name without hyphens>"));
        Map<String, Object> region = field(false, "an AWS region", SpecValidator.DEFAULT_REGION);
        region.put("values", Regions.ALL);
        fields.put("region", region);
        Map<String, Object> environments = field(false, "1 to " + SpecValidator.ENVIRONMENTS_MAX
                + " distinct names, each " + SpecValidator.ENVIRONMENT_RULE, SpecValidator.DEFAULT_ENVIRONMENTS);
        environments.put("maxItems", SpecValidator.ENVIRONMENTS_MAX);
        environments.put("pattern", SpecValidator.ENVIRONMENT.pattern());
        fields.put("environments", environments);
        fields.put("features", field(false, "an object from feature id to that feature's options ({} for the"
                + " defaults); left out, the features marked defaultEnabled are used", null));
        return fields;
    }

    private static Map<String, Object> field(boolean required, String rule, Object defaultValue) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("required", required);
        f.put("rule", rule);
        if (defaultValue != null) {
            f.put("default", defaultValue);
        }
        return f;
    }

    private static Map<String, Object> feature(Feature feature) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", feature.id());
        f.put("title", feature.title());
        f.put("category", feature.category());
        f.put("description", feature.description());
        f.put("alwaysOn", feature.alwaysOn());
        f.put("defaultEnabled", feature.defaultEnabled());
        f.put("options", feature.options().stream().map(BlueprintView::option).toList());
        f.put("rules", feature.rules().stream().map(r -> Map.of("lower", r.lower(), "upper", r.upper(),
                "reason", r.reason())).toList());
        f.put("requires", links(feature.requires()));
        f.put("conflicts", links(feature.conflicts()));
        return f;
    }

    private static List<Map<String, String>> links(List<FeatureLink> links) {
        return links.stream().map(l -> Map.of("feature", l.feature(), "reason", l.reason())).toList();
    }

    private static Map<String, Object> option(FeatureOption option) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", option.id());
        o.put("title", option.title());
        o.put("type", option.type().name());
        o.put("default", option.defaultValue());
        o.put("required", option.required());
        putIfSet(o, "min", option.min());
        putIfSet(o, "max", option.max());
        putIfSet(o, "values", option.values());
        putIfSet(o, "pattern", option.pattern());
        putIfSet(o, "maxLength", option.maxLength());
        putIfSet(o, "maxItems", option.maxItems());
        putIfSet(o, "unit", option.unit());
        putIfSet(o, "help", option.help());
        o.put("allowed", option.allowed());
        return o;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
