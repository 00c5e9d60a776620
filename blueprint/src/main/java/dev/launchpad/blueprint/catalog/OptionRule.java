package dev.launchpad.blueprint.catalog;

/** A rule between two integer options of one feature: {@code lower} may not exceed {@code upper}. */
public record OptionRule(String lower, String upper, String reason) {
}
