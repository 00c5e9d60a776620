package dev.launchpad.portal.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Someone acting in the portal; the author of the commits they publish. */
public record User(String login, String displayName, String email) {

    private static final Pattern NAMED = Pattern.compile("([^<>]{1,100}) <([^<>@\\s]+@[^<>@\\s]+)>");

    /** Parses {@code login} or {@code Full Name <email>}; the login of the latter is the email's local part. */
    public static User parse(String text) {
        Matcher m = NAMED.matcher(text.trim());
        if (m.matches()) {
            String email = m.group(2);
            String login = email.substring(0, email.indexOf('@')).toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]", "-");
            return new User(login, m.group(1).trim(), email);
        }
        return new User(text.trim(), text.trim(), text.trim() + "@localhost");
    }
}
