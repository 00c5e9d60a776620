package dev.launchpad.portal.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may be used for. A browser session holds every scope its user's roles allow; a token
 * holds only those it was created with, so a leaked read token cannot publish.
 */
public enum Scope {
    /** read the catalog, health and cost the user may see; preview and estimate specs */
    READ,
    /** publish services for the user's teams, retry runs */
    SCAFFOLD,
    /** manage teams, users and memberships (admins only) */
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }

    /** Parses a comma- or space-separated list such as {@code read,scaffold}; unknown names are an error. */
    public static Set<Scope> parseList(String text) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                scopes.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return scopes;
    }

    public static String format(Set<Scope> scopes) {
        return scopes.stream().map(Scope::id).sorted().collect(Collectors.joining(","));
    }
}
