package dev.launchpad.portal.config;

/** Where published repositories go. */
public sealed interface GitTarget {

    /** Bare repositories under the data directory, served by the portal itself over Git smart HTTP. */
    record Embedded() implements GitTarget {
    }

    /**
     * A Git server that creates a repository on first push. {@code urlTemplate} contains {@code {team}}
     * and {@code {service}}; the credentials are sent on push and never logged or shown.
     */
    record Remote(String urlTemplate, String username, String password) implements GitTarget {

        public String urlFor(String team, String service) {
            return urlTemplate.replace("{team}", team).replace("{service}", service);
        }

        public boolean hasCredentials() {
            return username != null && !username.isEmpty();
        }

        @Override
        public String toString() {
            return "Remote[urlTemplate=" + urlTemplate + ", username=" + (hasCredentials() ? username : "") + ", password=***]";
        }
    }
}
