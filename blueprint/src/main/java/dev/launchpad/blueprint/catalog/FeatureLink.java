package dev.launchpad.blueprint.catalog;

/** A requirement on, or conflict with, another feature, and why it exists. */
public record FeatureLink(String feature, String reason) {
}
