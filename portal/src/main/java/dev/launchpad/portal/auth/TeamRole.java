package dev.launchpad.portal.auth;

import java.util.Locale;

/** What someone may do in one team. A lead may do everything a member may, and see the team's cost. */
public enum TeamRole {
    MEMBER,
    LEAD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TeamRole parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
