package dev.launchpad.portal.auth;

import dev.launchpad.portal.audit.AuditLog;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes a fresh portal usable: the first admin (with the configured password, or a generated one printed
 * once on standard output, never logged), and the deployment pipeline's admin API token when configured.
 * Safe when several instances start at once: only the one that creates the admin prints its password.
 */
public final class Bootstrap {

    public static final String ADMIN_LOGIN = "admin";
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(365);

    private final UserRepository users;
    private final ApiTokens tokens;
    private final Passwords passwords;
    private final AuditLog audit;
    private final Clock clock;

    public Bootstrap(UserRepository users, ApiTokens tokens, Passwords passwords, AuditLog audit, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    public void run(AuthSettings settings, PrintStream console) {
        if (!users.anyAdmin()) {
            boolean generated = settings.bootstrapAdminPassword() == null;
            String password = generated ? Passwords.generate() : settings.bootstrapAdminPassword();
            User admin = new User(ADMIN_LOGIN, "Launchpad admin", "admin@localhost");
            if (users.createLocal(admin, passwords.hash(password), true)) {
                audit.record("launchpad", "user.created", "user:" + ADMIN_LOGIN, "first admin, at first start");
                if (generated) {
                    console.println("Launchpad created the first admin. Sign in as '" + ADMIN_LOGIN + "' with the password "
                            + password + " (shown only this once; add people and teams under Admin).");
                }
            }
        }
        if (settings.bootstrapToken() != null && users.find(ADMIN_LOGIN).isPresent()) {
            if (tokens.registerBootstrap(ADMIN_LOGIN, settings.bootstrapToken(), clock.instant().plus(TOKEN_LIFETIME))) {
                audit.record("launchpad", "token.created", "user:" + ADMIN_LOGIN, "bootstrap token from LAUNCHPAD_BOOTSTRAP_TOKEN");
            }
        }
    }
}
