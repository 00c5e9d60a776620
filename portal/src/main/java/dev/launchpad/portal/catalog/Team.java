package dev.launchpad.portal.catalog;

/** A team that owns services. */
public record Team(String id, String displayName) {
}
