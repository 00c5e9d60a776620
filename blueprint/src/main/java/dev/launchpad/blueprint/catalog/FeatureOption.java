package dev.launchpad.blueprint.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One option of a feature. {@code defaultValue} is a JSON-shaped value (Boolean, Integer, String or
 * List of String) or null when the option is optional and has no default.
 *
 * @param pattern     for STRING and STRING_LIST: the regular expression each value must match in full
 * @param patternHelp what {@code pattern} allows, in words, for error messages and form hints
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureOption(
        String id,
        String title,
        OptionType type,
        Object defaultValue,
        boolean required,
        Integer min,
        Integer max,
        List<String> values,
        String pattern,
        String patternHelp,
        Integer maxLength,
        Integer maxItems,
        String unit,
        String help) {

    public FeatureOption {
        values = values == null ? null : List.copyOf(values);
    }

    /** What this option allows, in words: the tail of every validation message for it. */
    public String allowed() {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case INTEGER -> "a whole number from " + min + " to " + max + (unit == null ? "" : " (" + unit + ")");
            case ENUM -> "one of " + String.join(", ", values);
            case STRING -> patternHelp + ", at most " + maxLength + " characters";
            case EMAIL -> "an email address such as team@example.com";
            case STRING_LIST -> "a list of at most " + maxItems + " entries, each " + patternHelp;
        };
    }
}
