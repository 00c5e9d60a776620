package dev.launchpad.portal.auth;

import dev.launchpad.portal.db.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing: after {@value #PER_LOGIN} failed sign-ins for one login, or
 * {@value #PER_ADDRESS} from one client address, within {@link #WINDOW}, further attempts are refused
 * until the oldest failure leaves the window. Failures are rows in the database, so every instance
 * counts the same attempts.
 */
public final class SignInLimiter {

    public static final int PER_LOGIN = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Jdbc jdbc;
    private final Clock clock;

    public SignInLimiter(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long to wait before trying again, or empty when an attempt may be made now. */
    public Optional<Duration> blocked(String login, String clientIp) {
        Instant since = clock.instant().minus(WINDOW);
        Optional<Duration> byLogin = wait("login", normalise(login), PER_LOGIN, since);
        return byLogin.isPresent() ? byLogin : wait("client_ip", clientIp, PER_ADDRESS, since);
    }

    public void failed(String login, String clientIp) {
        Instant now = clock.instant();
        jdbc.update("insert into sign_in_failures (login, client_ip, at) values (?, ?, ?)", normalise(login), clientIp, now);
        jdbc.update("delete from sign_in_failures where at < ?", now.minus(WINDOW));
    }

    /**
     * A successful sign-in forgets the login's failures, among them the one its attempt recorded; the
     * address's failures for other logins stay.
     */
    public void succeeded(String login) {
        jdbc.update("delete from sign_in_failures where login = ?", normalise(login));
    }

    private Optional<Duration> wait(String column, String value, int limit, Instant since) {
        // The limit-th most recent failure decides: the block lifts when it leaves the window.
        Optional<Instant> oldestCounted = jdbc.list("select at from sign_in_failures where " + column + " = ? and at >= ?"
                + " order by at desc", rs -> Jdbc.instant(rs, "at"), value, since)
                .stream().skip(limit - 1L).findFirst();
        return oldestCounted.map(at -> Duration.between(clock.instant(), at.plus(WINDOW)))
                .map(d -> d.isNegative() ? Duration.ofSeconds(1) : d.plusSeconds(1));
    }

    private static String normalise(String login) {
        String l = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        return l.length() > 254 ? l.substring(0, 254) : l;
    }
}
