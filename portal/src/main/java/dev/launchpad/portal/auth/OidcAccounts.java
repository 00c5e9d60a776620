package dev.launchpad.portal.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.db.Jdbc;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a verified ID token into a Launchpad account. The provider's subject names the account; its login is
 * chosen once, at the first sign-in. Admin and team roles follow the groups claim at every sign-in.
 */
final class OidcAccounts {

    /** Who the ID token says someone is, and the roles their groups give them in the teams that exist. */
    record Profile(String subject, String login, String displayName, String email, boolean admin, Map<String, TeamRole> teams) {
    }

    private static final int MAX_LOGIN = 64;
    /** Who the audit log names for changes that follow the provider's groups. */
    private static final String ACTOR = "launchpad";
    private static final String BECAUSE = " (identity provider groups at sign-in)";

    private final UserRepository users;
    private final AuditLog audit;

    OidcAccounts(UserRepository users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    static Profile profile(JWTClaimsSet claims, OidcSettings settings, Collection<String> teamIds) {
        String subject = claims.getSubject();
        String email = text(claims, "email");
        String login = safeLogin(localPart(text(claims, "preferred_username")));
        if (login == null) {
            login = safeLogin(localPart(email));
        }
        if (login == null) {
            login = Objects.requireNonNullElse(safeLogin(subject), "user");
        }
        String name = text(claims, "name");
        boolean admin = false;
        Map<String, TeamRole> teams = new TreeMap<>();
        for (String group : groups(claims.getClaim(settings.groupsClaim()))) {
            admin |= group.equals(settings.adminGroup());
            if (group.startsWith(settings.leadGroupPrefix()) && teamIds.contains(group.substring(settings.leadGroupPrefix().length()))) {
                teams.put(group.substring(settings.leadGroupPrefix().length()), TeamRole.LEAD);
            }
            if (group.startsWith(settings.teamGroupPrefix()) && teamIds.contains(group.substring(settings.teamGroupPrefix().length()))) {
                teams.putIfAbsent(group.substring(settings.teamGroupPrefix().length()), TeamRole.MEMBER);
            }
        }
        return new Profile(subject, login, truncate(name == null ? login : name, 100),
                email != null && email.contains("@") && email.length() <= 254 ? email : login + "@localhost", admin, teams);
    }

    /**
     * Creates or refreshes the account and replaces its memberships; its login. A changed role is written to
     * the audit log. A disabled account stays out.
     */
    String apply(Profile profile) throws OidcFailure {
        for (int attempt = 1; ; attempt++) {
            try {
                return store(profile);
            } catch (RuntimeException e) {
                // The same person signing in twice at once, or someone taking the login meanwhile: look again.
                if (attempt == 3 || !Jdbc.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private String store(Profile profile) throws OidcFailure {
        Optional<UserRepository.Account> existing = users.findBySubject(profile.subject());
        if (existing.isPresent() && existing.get().disabled()) {
            throw new OidcFailure("this account is disabled in Launchpad; an admin can enable it again");
        }
        String login = existing.isPresent() ? existing.get().login() : freeLogin(profile.login());
        boolean adminBefore = existing.map(UserRepository.Account::admin).orElse(false);
        Map<String, TeamRole> before = existing.isPresent() ? users.memberships(login) : Map.of();
        users.upsertFromProvider(new User(login, profile.displayName(), profile.email()), profile.subject(), profile.admin());
        users.replaceMemberships(login, profile.teams());
        String subject = "user:" + login;
        if (existing.isEmpty()) {
            audit.record(ACTOR, "user.created", subject, "from the identity provider: " + profile.displayName() + " <"
                    + profile.email() + ">");
        }
        if (adminBefore != profile.admin()) {
            audit.record(ACTOR, "role.changed", subject, "admin: " + adminBefore + " → " + profile.admin() + BECAUSE);
        }
        TreeSet<String> teams = new TreeSet<>(before.keySet());
        teams.addAll(profile.teams().keySet());
        for (String team : teams) {
            TeamRole was = before.get(team);
            TeamRole is = profile.teams().get(team);
            if (was != is) {
                audit.record(ACTOR, "role.changed", subject, "team " + team + ": " + (was == null ? "none" : was.id()) + " → "
                        + (is == null ? "none" : is.id()) + BECAUSE);
            }
        }
        return login;
    }

    /** The login, or with a number added when a local account (or another provider account) already has it. */
    private String freeLogin(String wanted) throws OidcFailure {
        String login = wanted;
        for (int n = 2; users.find(login).isPresent(); n++) {
            if (n > 1000) {
                throw new OidcFailure("no free login was found for this account");
            }
            String suffix = "-" + n;
            login = wanted.substring(0, Math.min(wanted.length(), MAX_LOGIN - suffix.length())) + suffix;
        }
        return login;
    }

    /**
     * A login by the rules for every account: 2 to 64 lowercase letters, digits, '.', '_' and '-', starting
     * with a letter (a leading digit gets "u-" before it); null if too little is left.
     */
    static String safeLogin(String text) {
        if (text == null) {
            return null;
        }
        String login = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[._-]+", "");
        if (!login.isEmpty() && Character.isDigit(login.charAt(0))) {
            login = "u-" + login;
        }
        login = login.substring(0, Math.min(login.length(), MAX_LOGIN)).replaceAll("[._-]+$", "");
        return login.length() < 2 ? null : login;
    }

    /** Providers that use the email address (or a UPN) as the user name: the part before '@' makes the login. */
    private static String localPart(String name) {
        return name == null || name.indexOf('@') <= 0 ? name : name.substring(0, name.indexOf('@'));
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof String single) {
            return List.of(single);
        }
        if (claim instanceof Collection<?> many) {
            return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
