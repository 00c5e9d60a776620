package dev.launchpad.portal.auth;

import dev.launchpad.portal.db.Jdbc;
import java.time.Clock;

/** Users the portal has seen; rows exist so that services and runs can name who created them. */
public final class UserRepository {

    private final Jdbc jdbc;
    private final Clock clock;

    public UserRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the user, or refreshes their name and email. */
    public void remember(User user) {
        int updated = jdbc.update("update users set display_name = ?, email = ? where login = ?",
                user.displayName(), user.email(), user.login());
        if (updated == 0) {
            try {
                jdbc.update("insert into users (login, display_name, email, created_at) values (?, ?, ?, ?)",
                        user.login(), user.displayName(), user.email(), clock.instant());
            } catch (RuntimeException e) {
                if (!Jdbc.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }
}
