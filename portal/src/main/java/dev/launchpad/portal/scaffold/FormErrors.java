package dev.launchpad.portal.scaffold;

import dev.launchpad.blueprint.spec.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems placed where the form shows them: beside a field ({@code name}), a feature card
 * ({@code features.waf}), an option ({@code features.waf.rateLimit}), or at the top.
 */
public record FormErrors(Map<String, List<String>> byField, List<String> general) {

    public static final FormErrors NONE = new FormErrors(Map.of(), List.of());
    private static final List<String> FIELDS = List.of("name", "team", "description", "javaPackage", "region");

    public static FormErrors of(List<Problem> problems) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (Problem p : problems) {
            String key = key(p.field());
            if (key == null) {
                general.add((p.field().isEmpty() ? "" : p.field() + " ") + p.message());
            } else {
                byField.computeIfAbsent(key, k -> new ArrayList<>()).add(message(p));
            }
        }
        return new FormErrors(byField, general);
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }

    private static String key(String field) {
        if (FIELDS.contains(field)) {
            return field;
        }
        if (field.equals("environments") || field.startsWith("environments[")) {
            return "environments";
        }
        if (field.startsWith("features.")) {
            String[] parts = field.split("\\.", 3);
            return parts.length == 2 ? "features." + parts[1] : parts.length == 3 ? field : null;
        }
        return null;
    }

    private static String message(Problem p) {
        String m = p.message();
        // "must be ..." reads well beside its field; index details for list items are kept
        return p.field().startsWith("environments[") ? p.field().substring("environments".length()) + " " + m : m;
    }
}
