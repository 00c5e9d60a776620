package dev.launchpad.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureLink;
import dev.launchpad.blueprint.spec.SpecJson;
import java.util.LinkedHashSet;
import java.util.Set;

/** Request bodies used across tests. */
public final class Specs {

    private Specs() {
    }

    /** The smallest valid spec: everything else takes its default. */
    public static String minimal(String name) {
        return "{\"name\": \"" + name + "\", \"team\": \"payments\", \"description\": \"Takes orders\"}";
    }

    /**
     * As many features on as the catalog allows together (each at its defaults, a few options set), so
     * that the test follows the catalog as features are added.
     */
    public static String full(String name) {
        Blueprint blueprint = Blueprint.load();
        ObjectNode spec = SpecJson.mapper().createObjectNode();
        spec.put("name", name);
        spec.put("team", "payments");
        spec.put("description", "Takes orders and tracks them to delivery");
        spec.put("javaPackage", "com.example.orders");
        spec.put("region", "eu-west-1");
        spec.putArray("environments").add("dev").add("staging").add("prod");
        ObjectNode features = spec.putObject("features");
        Set<String> on = new LinkedHashSet<>();
        for (Feature f : blueprint.catalog().features()) {
            boolean conflicts = f.conflicts().stream().map(FeatureLink::feature).anyMatch(on::contains)
                    || on.stream().anyMatch(o -> blueprint.catalog().feature(o).orElseThrow().conflicts().stream()
                    .anyMatch(l -> l.feature().equals(f.id())));
            boolean requiredOption = f.options().stream().anyMatch(o -> o.required() && o.defaultValue() == null);
            if (!conflicts && !requiredOption) {
                on.add(f.id());
                features.putObject(f.id());
            }
        }
        if (on.contains("monitoring")) {
            ((ObjectNode) features.get("monitoring")).put("alertEmail", "oncall@example.com");
        }
        if (on.contains("budgets")) {
            ((ObjectNode) features.get("budgets")).put("monthlyLimitUsd", 250);
        }
        // a feature left out because of a missing requirement would make the spec invalid
        for (String id : Set.copyOf(on)) {
            for (FeatureLink req : blueprint.catalog().feature(id).orElseThrow().requires()) {
                if (!on.contains(req.feature())) {
                    features.remove(id);
                }
            }
        }
        return spec.toPrettyString();
    }
}
