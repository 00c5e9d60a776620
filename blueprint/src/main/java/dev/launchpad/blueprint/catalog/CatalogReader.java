package dev.launchpad.blueprint.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code catalog.json} into the catalog records by hand, from Jackson's tree. Binding the records
 * with Jackson's databind works too, but it introspects every record class when the portal starts, which
 * cost a few hundred milliseconds of CPU on every start; this reader is as strict (an unknown or mistyped
 * field fails loading, naming where it is) and costs next to nothing.
 */
final class CatalogReader {

    // The fields each object may have: the components of its record, so the two cannot drift apart.
    private static final Set<String> FILE_FIELDS = Set.of("features");
    private static final Set<String> FEATURE_FIELDS = fieldsOf(Feature.class);
    private static final Set<String> OPTION_FIELDS = fieldsOf(FeatureOption.class);
    private static final Set<String> RULE_FIELDS = fieldsOf(OptionRule.class);
    private static final Set<String> LINK_FIELDS = fieldsOf(FeatureLink.class);

    private CatalogReader() {
    }

    private static Set<String> fieldsOf(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
    }

    static List<Feature> read(InputStream in) throws IOException {
        JsonNode file = new ObjectMapper().readTree(in);
        requireObject(file, "the catalog", FILE_FIELDS);
        return list(file, "features", "features", CatalogReader::feature);
    }

    private static Feature feature(JsonNode node, String at) {
        requireObject(node, at, FEATURE_FIELDS);
        return new Feature(
                text(node, "id", at),
                text(node, "title", at),
                text(node, "category", at),
                text(node, "description", at),
                bool(node, "alwaysOn", at),
                bool(node, "defaultEnabled", at),
                list(node, "options", at, CatalogReader::option),
                list(node, "rules", at, CatalogReader::rule),
                list(node, "requires", at, CatalogReader::link),
                list(node, "conflicts", at, CatalogReader::link),
                strings(node, "templates", at));
    }

    private static FeatureOption option(JsonNode node, String at) {
        requireObject(node, at, OPTION_FIELDS);
        String type = text(node, "type", at);
        OptionType optionType;
        try {
            optionType = OptionType.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ".type must be one of " + List.of(OptionType.values())
                    + ", not '" + type + "'");
        }
        return new FeatureOption(
                text(node, "id", at),
                text(node, "title", at),
                optionType,
                value(node.get("defaultValue"), at + ".defaultValue"),
                bool(node, "required", at),
                integer(node, "min", at),
                integer(node, "max", at),
                strings(node, "values", at),
                text(node, "pattern", at),
                text(node, "patternHelp", at),
                integer(node, "maxLength", at),
                integer(node, "maxItems", at),
                text(node, "unit", at),
                text(node, "help", at));
    }

    private static OptionRule rule(JsonNode node, String at) {
        requireObject(node, at, RULE_FIELDS);
        return new OptionRule(text(node, "lower", at), text(node, "upper", at), text(node, "reason", at));
    }

    private static FeatureLink link(JsonNode node, String at) {
        requireObject(node, at, LINK_FIELDS);
        return new FeatureLink(text(node, "feature", at), text(node, "reason", at));
    }

    private interface Element<T> {
        T read(JsonNode node, String at);
    }

    private static void requireObject(JsonNode node, String at, Set<String> fields) {
        if (!node.isObject()) {
            throw new IllegalStateException(at + " must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new IllegalStateException(at + " has an unknown field '" + name + "'");
            }
        }
    }

    /** The list at {@code field}, or null when it is absent (the records turn null into an empty list). */
    private static <T> List<T> list(JsonNode parent, String field, String at, Element<T> element) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return null;
        }
        String here = at.equals(field) ? field : at + "." + field;
        if (!node.isArray()) {
            throw new IllegalStateException(here + " must be a JSON array");
        }
        List<T> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(element.read(node.get(i), here + "[" + i + "]"));
        }
        return items;
    }

    private static List<String> strings(JsonNode parent, String field, String at) {
        return list(parent, field, at, (node, here) -> {
            if (!node.isTextual()) {
                throw new IllegalStateException(here + " must be a string");
            }
            return node.textValue();
        });
    }

    private static String text(JsonNode parent, String field, String at) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalStateException(at + "." + field + " must be a string");
        }
        return node.textValue();
    }

    private static boolean bool(JsonNode parent, String field, String at) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IllegalStateException(at + "." + field + " must be true or false");
        }
        return node.booleanValue();
    }

    private static Integer integer(JsonNode parent, String field, String at) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isInt()) {
            throw new IllegalStateException(at + "." + field + " must be a whole number");
        }
        return node.intValue();
    }

    /** A default value as the rest of the blueprint sees it: Boolean, Integer, String, or a list of strings. */
    private static Object value(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new IllegalStateException(at + " must list strings only");
                }
                values.add(item.textValue());
            }
            return List.copyOf(values);
        }
        throw new IllegalStateException(at + " must be a boolean, a whole number, a string or a list of strings, not "
                + node.getNodeType().toString().toLowerCase(Locale.ROOT));
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node;
    }
}
