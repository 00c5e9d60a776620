package dev.launchpad.portal.auth;

import dev.launchpad.portal.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Accounts and their team memberships. Every statement is portable between H2 and PostgreSQL. */
public final class UserRepository {

    /** An account as stored; {@code passwordHash} is null for accounts that sign in through the identity provider. */
    public record Account(User user, String passwordHash, String oidcSubject, boolean admin, boolean disabled) {

        /** Signs in through the identity provider, whose groups set its admin flag and teams at every sign-in. */
        public boolean managedByProvider() {
            return oidcSubject != null;
        }


        public String login() {
            return user.login();
        }

        @Override
        public String toString() {
            return "Account[" + user.login() + ", admin=" + admin + ", disabled=" + disabled + "]";
        }
    }

    private static final String COLUMNS = "login, display_name, email, password_hash, oidc_subject, is_admin, disabled";

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

    public Optional<Account> find(String login) {
        return jdbc.one("select " + COLUMNS + " from users where login = ?", UserRepository::account, login);
    }

    public Optional<Account> findBySubject(String subject) {
        return jdbc.one("select " + COLUMNS + " from users where oidc_subject = ?", UserRepository::account, subject);
    }

    public List<Account> all() {
        return jdbc.list("select " + COLUMNS + " from users order by login", UserRepository::account);
    }

    public boolean anyAdmin() {
        return jdbc.one("select count(*) from users where is_admin = true", rs -> rs.getInt(1)).orElse(0) > 0;
    }

    /** Creates a local account; false when the login is taken. */
    public boolean createLocal(User user, String passwordHash, boolean admin) {
        try {
            jdbc.update("insert into users (login, display_name, email, password_hash, is_admin, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)", user.login(), user.displayName(), user.email(), passwordHash, admin,
                    clock.instant());
            return true;
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Creates or refreshes the account of someone who signed in through the identity provider. */
    public void upsertFromProvider(User user, String subject, boolean admin) {
        int updated = jdbc.update("update users set display_name = ?, email = ?, is_admin = ? where oidc_subject = ?",
                user.displayName(), user.email(), admin, subject);
        if (updated == 0) {
            jdbc.update("insert into users (login, display_name, email, oidc_subject, is_admin, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)", user.login(), user.displayName(), user.email(), subject, admin,
                    clock.instant());
        }
    }

    public void setPassword(String login, String passwordHash) {
        jdbc.update("update users set password_hash = ? where login = ?", passwordHash, login);
    }

    public boolean setAdmin(String login, boolean admin) {
        return jdbc.update("update users set is_admin = ? where login = ?", admin, login) == 1;
    }

    public boolean setDisabled(String login, boolean disabled) {
        return jdbc.update("update users set disabled = ? where login = ?", disabled, login) == 1;
    }

    /**
     * Sets both flags unless {@code login} is the last enabled admin, false then. The enabled admins are locked
     * first, so that two admins demoting each other at the same moment cannot both pass the check.
     */
    public boolean updateUnlessLastAdmin(String login, boolean admin, boolean disabled) {
        return jdbc.transaction(tx -> {
            List<String> admins = tx.list("select login from users where is_admin = true and disabled = false for update",
                    rs -> rs.getString(1));
            if (admins.size() <= 1 && admins.contains(login)) {
                return false;
            }
            tx.update("update users set is_admin = ?, disabled = ? where login = ?", admin, disabled, login);
            return true;
        });
    }

    /** The user's teams and their role in each, sorted by team. */
    public Map<String, TeamRole> memberships(String login) {
        Map<String, TeamRole> teams = new TreeMap<>();
        jdbc.list("select team_id, role from memberships where user_login = ?",
                rs -> teams.put(rs.getString("team_id"), TeamRole.parse(rs.getString("role"))), login);
        return teams;
    }

    /** A team's people and their roles, sorted by login. */
    public Map<String, TeamRole> members(String team) {
        Map<String, TeamRole> people = new LinkedHashMap<>();
        jdbc.list("select user_login, role from memberships where team_id = ? order by user_login",
                rs -> people.put(rs.getString("user_login"), TeamRole.parse(rs.getString("role"))), team);
        return people;
    }

    /** Adds the user to the team with the role, or changes their role; returns the previous role, if any. */
    public Optional<TeamRole> setMembership(String login, String team, TeamRole role) {
        return jdbc.transaction(tx -> {
            Optional<TeamRole> before = tx.one("select role from memberships where user_login = ? and team_id = ?",
                    rs -> TeamRole.parse(rs.getString(1)), login, team);
            if (before.isPresent()) {
                tx.update("update memberships set role = ? where user_login = ? and team_id = ?", role.id(), login, team);
            } else {
                tx.update("insert into memberships (user_login, team_id, role, created_at) values (?, ?, ?, ?)",
                        login, team, role.id(), clock.instant());
            }
            return before;
        });
    }

    public boolean removeMembership(String login, String team) {
        return jdbc.update("delete from memberships where user_login = ? and team_id = ?", login, team) == 1;
    }

    /** Makes the user's memberships exactly {@code teams} (those naming existing teams), in one transaction. */
    public void replaceMemberships(String login, Map<String, TeamRole> teams) {
        jdbc.transaction(tx -> {
            tx.update("delete from memberships where user_login = ?", login);
            for (Map.Entry<String, TeamRole> e : teams.entrySet()) {
                tx.update("insert into memberships (user_login, team_id, role, created_at) values (?, ?, ?, ?)",
                        login, e.getKey(), e.getValue().id(), clock.instant());
            }
            return null;
        });
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(new User(rs.getString("login"), rs.getString("display_name"), rs.getString("email")),
                rs.getString("password_hash"), rs.getString("oidc_subject"), rs.getBoolean("is_admin"),
                rs.getBoolean("disabled"));
    }
}
