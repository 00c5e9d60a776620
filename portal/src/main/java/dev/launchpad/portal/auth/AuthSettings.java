package dev.launchpad.portal.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How people and tools sign in.
 *
 * @param bootstrapAdminPassword the first admin's password instead of a generated one, or null
 * @param bootstrapToken         an admin API token registered at start (stored hashed), or null
 * @param sessionIdle            a session ends after this long without a request
 * @param sessionMax             and this long after sign-in, whatever happens
 * @param secureCookies          cookies carry {@code Secure} (the public URL is https)
 * @param oidc                   the identity provider, or null for local accounts only
 */
public record AuthSettings(String bootstrapAdminPassword, String bootstrapToken, Duration sessionIdle, Duration sessionMax,
                           boolean secureCookies, OidcSettings oidc) {

    public static final Duration DEFAULT_IDLE = Duration.ofHours(2);
    public static final Duration DEFAULT_MAX = Duration.ofHours(12);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{32,200}");

    /** Reads the {@code LAUNCHPAD_BOOTSTRAP_*}, {@code LAUNCHPAD_SESSION_*} and {@code LAUNCHPAD_OIDC_*} variables. */
    public static AuthSettings parse(Map<String, String> env, boolean https, List<String> problems) {
        String password = env.get("LAUNCHPAD_BOOTSTRAP_ADMIN_PASSWORD");
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if (password != null && Passwords.problem("LAUNCHPAD_BOOTSTRAP_ADMIN_PASSWORD", password) != null) {
            problems.add(Passwords.problem("LAUNCHPAD_BOOTSTRAP_ADMIN_PASSWORD", password));
        }
        String token = value(env, "LAUNCHPAD_BOOTSTRAP_TOKEN");
        if (token != null && !TOKEN.matcher(token).matches()) {
            problems.add("LAUNCHPAD_BOOTSTRAP_TOKEN must be 32 to 200 characters of letters, digits, '.', '_', '~' or '-'"
                    + " (for example the output of: openssl rand -hex 32)");
        }
        Duration idle = minutes(env, "LAUNCHPAD_SESSION_IDLE_MINUTES", DEFAULT_IDLE, 5, 24 * 60, problems);
        Duration max = minutes(env, "LAUNCHPAD_SESSION_MAX_MINUTES", DEFAULT_MAX, 5, 30 * 24 * 60, problems);
        return new AuthSettings(password, token, idle, max, https, OidcSettings.parse(env, problems));
    }

    static String value(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static String valueOr(Map<String, String> env, String key, String fallback) {
        String v = value(env, key);
        return v == null ? fallback : v;
    }

    private static Duration minutes(Map<String, String> env, String key, Duration fallback, int min, int max,
                                    List<String> problems) {
        String v = value(env, key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return Duration.ofMinutes(n);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(key + " must be a whole number of minutes from " + min + " to " + max + ", not '" + v + "'");
        return fallback;
    }

    @Override
    public String toString() {
        return "AuthSettings[bootstrapAdminPassword=" + (bootstrapAdminPassword == null ? "unset" : "***")
                + ", bootstrapToken=" + (bootstrapToken == null ? "unset" : "***") + ", sessionIdle=" + sessionIdle
                + ", sessionMax=" + sessionMax + ", secureCookies=" + secureCookies + ", oidc=" + oidc + "]";
    }
}
