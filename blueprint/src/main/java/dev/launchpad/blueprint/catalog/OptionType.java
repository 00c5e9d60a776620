package dev.launchpad.blueprint.catalog;

/** The kinds of value a feature option takes; each maps to one JSON type and one form control. */
public enum OptionType {
    BOOLEAN,
    INTEGER,
    /** One of {@link FeatureOption#values()}. */
    ENUM,
    /** Free text bounded by {@link FeatureOption#pattern()} and {@link FeatureOption#maxLength()}. */
    STRING,
    EMAIL,
    /** A JSON array of strings, each matching {@link FeatureOption#pattern()}. */
    STRING_LIST
}
