package dev.launchpad.blueprint.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.catalog.FeatureOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses option values from JSON, returning null for anything the option does not allow. */
public final class OptionValues {

    private OptionValues() {
    }

    public static Object parse(FeatureOption option, JsonNode value) {
        return switch (option.type()) {
            case BOOLEAN -> value.isBoolean() ? value.booleanValue() : null;
            case INTEGER -> value.isIntegralNumber() && value.canConvertToInt()
                    && value.intValue() >= option.min() && value.intValue() <= option.max()
                    ? value.intValue() : null;
            case ENUM -> value.isTextual() && option.values().contains(value.asText()) ? value.asText() : null;
            case STRING -> value.isTextual() && fits(option, value.asText()) ? value.asText() : null;
            case EMAIL -> value.isTextual() && value.asText().length() <= SpecValidator.EMAIL_MAX
                    && SpecValidator.EMAIL.matcher(value.asText()).matches() ? value.asText() : null;
            case STRING_LIST -> list(option, value);
        };
    }

    private static boolean fits(FeatureOption option, String text) {
        return text.length() <= option.maxLength() && Pattern.compile(option.pattern()).matcher(text).matches();
    }

    private static List<String> list(FeatureOption option, JsonNode value) {
        if (!value.isArray() || value.size() > option.maxItems()) {
            return null;
        }
        Set<String> items = new LinkedHashSet<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || !fits(option, item.asText()) || !items.add(item.asText())) {
                return null;
            }
        }
        return List.copyOf(items);
    }
}
