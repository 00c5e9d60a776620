package dev.launchpad.portal.auth;

import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.blueprint.spec.SpecValidator;
import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.catalog.Team;
import dev.launchpad.portal.catalog.TeamRepository;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.Format;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * People, teams, roles and API tokens: the rules for changing them and the audit trail of every change, in
 * one place for the admin pages, the account page and the API. A request that breaks a rule is an
 * {@link ApiProblem} naming the field, which the API returns as it is and the pages show beside the field.
 */
public final class Accounts {

    public static final Pattern LOGIN = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    public static final String LOGIN_RULE = "must be 2 to 64 characters: lowercase letters, digits, dots, underscores"
            + " and hyphens, starting with a letter (for example jane.doe)";
    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int TOKEN_DAYS_MAX = 365;
    public static final int TOKEN_DAYS_DEFAULT = 90;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    /** A local account to create; a null {@code password} means generate one. */
    public record NewUser(String login, String displayName, String email, String password, boolean admin) {
        @Override
        public String toString() {
            return "NewUser[" + login + ", admin=" + admin + "]";
        }
    }

    /** An account just created; {@code generatedPassword} is null when the request chose the password. */
    public record CreatedUser(Person person, String generatedPassword) {
        @Override
        public String toString() {
            return "CreatedUser[" + person.login() + "]";
        }
    }

    /** An API token to create, as the form or request gave it; a blank {@code expiresInDays} means the default. */
    public record NewToken(String name, Collection<String> scopes, String expiresInDays) {
    }

    /** An account with its teams and the role in each. */
    public record Person(UserRepository.Account account, Map<String, TeamRole> teams) {
        public String login() {
            return account.login();
        }
    }

    /** A team with its people and the role of each. */
    public record TeamMembers(Team team, Map<String, TeamRole> members) {
    }

    /** Someone's role in a team, after a change; {@code before} is null when they were not a member. */
    public record Membership(String team, String login, TeamRole role, TeamRole before) {
    }

    private final UserRepository users;
    private final TeamRepository teams;
    private final SessionStore sessions;
    private final ApiTokens tokens;
    private final Passwords passwords;
    private final AuditLog audit;
    private final Clock clock;

    public Accounts(Identity identity) {
        this.users = identity.users();
        this.teams = identity.teams();
        this.sessions = identity.sessions();
        this.tokens = identity.tokens();
        this.passwords = identity.passwords();
        this.audit = identity.audit();
        this.clock = identity.clock();
    }

    public List<Person> people() {
        return users.all().stream().map(a -> new Person(a, users.memberships(a.login()))).toList();
    }

    public Person person(String login) {
        return users.find(login).map(a -> new Person(a, users.memberships(login)))
                .orElseThrow(() -> ApiProblem.notFound("there is no account with the login \"" + login + "\""));
    }

    public List<TeamMembers> teams() {
        return teams.all().stream().map(t -> new TeamMembers(t, users.members(t.id()))).toList();
    }

    public TeamMembers team(String id) {
        return teams.find(id).map(t -> new TeamMembers(t, users.members(t.id())))
                .orElseThrow(() -> ApiProblem.notFound("there is no team \"" + id + "\""));
    }

    public List<ApiTokens.Token> tokensOf(String login) {
        return tokens.of(login);
    }

    public List<AuditLog.Entry> audit(int limit, String actionPrefix) {
        return audit.recent(limit, actionPrefix);
    }

    public CreatedUser createUser(String actor, NewUser request) {
        List<Problem> problems = new ArrayList<>();
        String login = request.login() == null ? "" : request.login().trim();
        if (!LOGIN.matcher(login).matches()) {
            problems.add(new Problem("login", LOGIN_RULE));
        }
        String displayName = checkName(problems, "displayName", request.displayName());
        String email = request.email() == null ? "" : request.email().trim();
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches() || hasControl(email)) {
            problems.add(new Problem("email", "must be an email address such as jane@example.com, at most " + EMAIL_MAX
                    + " characters"));
        }
        boolean generated = request.password() == null || request.password().isEmpty();
        String password = generated ? Passwords.generate() : request.password();
        String passwordProblem = generated ? null : Passwords.problem("password", password);
        if (passwordProblem != null) {
            problems.add(new Problem("password", passwordProblem.replaceFirst("^password ", "")
                    + ", or left out for a generated one"));
        }
        throwIfAny(problems);
        User user = new User(login, displayName, email);
        if (!users.createLocal(user, passwords.hash(password), request.admin())) {
            throw conflict("the login \"" + login + "\" is taken", "login", "is taken");
        }
        audit.record(actor, "user.created", "user:" + login, "local account " + displayName + " <" + email + ">"
                + (request.admin() ? ", admin" : "") + (generated ? ", generated password" : ""));
        return new CreatedUser(person(login), generated ? password : null);
    }

    /**
     * Changes whether the account is an admin and whether it is disabled (null leaves either as it is). Nobody
     * may take away their own admin flag or disable themselves, and the last enabled admin stays one, so the
     * portal always has someone who can manage it. Disabling signs the account out everywhere; its API tokens
     * stop working as they are only honoured for enabled accounts.
     */
    public Person update(String actor, String login, Boolean admin, Boolean disabled) {
        UserRepository.Account account = person(login).account();
        if (admin != null && admin != account.admin()) {
            requireLocallyManaged(account, "admin");
        }
        boolean staysActiveAdmin = (admin == null ? account.admin() : admin) && !(disabled == null ? account.disabled() : disabled);
        if (login.equals(actor) && Boolean.FALSE.equals(admin) && account.admin()) {
            throw conflict("you cannot remove your own admin flag; ask another admin", "admin",
                    "cannot be removed from your own account");
        }
        if (login.equals(actor) && Boolean.TRUE.equals(disabled) && !account.disabled()) {
            throw conflict("you cannot disable your own account; ask another admin", "disabled",
                    "cannot be set on your own account");
        }
        boolean newAdmin = admin == null ? account.admin() : admin;
        boolean newDisabled = disabled == null ? account.disabled() : disabled;
        if (account.admin() && !account.disabled() && !staysActiveAdmin) {
            // checked and changed in one transaction: two admins demoting each other at once cannot leave none
            if (!users.updateUnlessLastAdmin(login, newAdmin, newDisabled)) {
                throw conflict(login + " is the last enabled admin; make someone else an admin first",
                        Boolean.FALSE.equals(admin) ? "admin" : "disabled", "would leave Launchpad without an admin");
            }
        } else {
            if (newAdmin != account.admin()) {
                users.setAdmin(login, newAdmin);
            }
            if (newDisabled != account.disabled()) {
                users.setDisabled(login, newDisabled);
            }
        }
        if (newAdmin != account.admin()) {
            audit.record(actor, "user.updated", "user:" + login, "admin: " + account.admin() + " → " + admin);
        }
        if (newDisabled != account.disabled()) {
            if (newDisabled) {
                sessions.deleteFor(login);
            }
            audit.record(actor, "user.updated", "user:" + login, "disabled: " + account.disabled() + " → " + disabled);
        }
        return person(login);
    }

    /** Gives a local account a generated password, returned this once, and signs it out everywhere. */
    public String resetPassword(String actor, String login) {
        UserRepository.Account account = person(login).account();
        if (account.passwordHash() == null) {
            throw conflict(login + " signs in through the identity provider and has no Launchpad password", "login",
                    "signs in through the identity provider");
        }
        String password = Passwords.generate();
        users.setPassword(login, passwords.hash(password));
        sessions.deleteFor(login);
        audit.record(actor, "password.reset", "user:" + login, "generated password; sessions ended");
        return password;
    }

    public Team createTeam(String actor, String id, String displayName) {
        List<Problem> problems = new ArrayList<>();
        String team = id == null ? "" : id.trim();
        if (team.length() < SpecValidator.TEAM_MIN || team.length() > SpecValidator.TEAM_MAX
                || !SpecValidator.TEAM.matcher(team).matches()) {
            problems.add(new Problem("id", "must be " + SpecValidator.TEAM_RULE));
        }
        String name = checkName(problems, "displayName", displayName);
        throwIfAny(problems);
        if (!teams.ensure(team, name)) {
            throw conflict("the team \"" + team + "\" exists", "id", "is taken");
        }
        audit.record(actor, "team.created", "team:" + team, name);
        return new Team(team, name);
    }

    /** Adds the user to the team with the role, or changes their role in it. */
    public Membership setRole(String actor, String team, String login, TeamRole role) {
        requireTeamAndUser(team, login);
        users.find(login).ifPresent(account -> requireLocallyManaged(account, "login"));
        TeamRole before = users.setMembership(login, team, role).orElse(null);
        if (before != role) {
            audit.record(actor, "role.changed", "user:" + login, "team " + team + ": " + roleId(before) + " → " + role.id());
        }
        return new Membership(team, login, role, before);
    }

    /** Takes the user out of the team; a 404 problem when they were not in it. */
    public void removeMember(String actor, String team, String login) {
        requireTeamAndUser(team, login);
        users.find(login).ifPresent(account -> requireLocallyManaged(account, "login"));
        TeamRole before = users.memberships(login).get(team);
        if (before == null || !users.removeMembership(login, team)) {
            throw new ApiProblem(404, "not-found", "Not found", login + " is not a member of team " + team,
                    List.of(new Problem("login", "is not a member of team " + team)), Map.of());
        }
        audit.record(actor, "role.changed", "user:" + login, "team " + team + ": " + before.id() + " → none");
    }

    /**
     * Creates an API token for whoever is signed in; the secret is in the result only. The scopes may include
     * admin only for admins.
     */
    public ApiTokens.Created createToken(Principal owner, NewToken request) {
        List<Problem> problems = new ArrayList<>();
        String name = checkName(problems, "name", request.name());
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String text : request.scopes()) {
            Scope scope = Arrays.stream(Scope.values()).filter(s -> s.id().equals(text)).findFirst().orElse(null);
            if (scope == null) {
                problems.add(new Problem("scopes", "has \"" + text + "\", which is not one of read, scaffold, admin"));
            } else if (scope == Scope.ADMIN && !owner.admin()) {
                problems.add(new Problem("scopes", "may include admin only for admins"));
            } else {
                scopes.add(scope);
            }
        }
        if (request.scopes().isEmpty()) {
            problems.add(new Problem("scopes", "must include at least one of read, scaffold" + (owner.admin() ? ", admin" : "")));
        }
        int days = TOKEN_DAYS_DEFAULT;
        String daysText = request.expiresInDays() == null ? "" : request.expiresInDays().trim();
        if (!daysText.isEmpty()) {
            days = daysText.matches("\\d{1,3}") ? Integer.parseInt(daysText) : -1;
            if (days < 1 || days > TOKEN_DAYS_MAX) {
                problems.add(new Problem("expiresInDays", "must be a whole number of days from 1 to " + TOKEN_DAYS_MAX));
            }
        }
        throwIfAny(problems);
        ApiTokens.Created created = tokens.create(owner.login(), name, scopes, clock.instant().plus(Duration.ofDays(days)));
        audit.record(owner.login(), "token.created", "user:" + owner.login(), "\"" + name + "\", scopes "
                + Scope.format(scopes) + ", expires " + Format.date(created.token().expiresAt()));
        return created;
    }

    /** Revokes one of the owner's tokens; a 404 problem when they have no token with that id. */
    public void revokeToken(Principal owner, String tokenId) {
        ApiTokens.Token token = tokens.byId(tokenId).filter(t -> t.login().equals(owner.login()))
                .orElseThrow(() -> ApiProblem.notFound("you have no API token with the id " + tokenId));
        if (tokens.revoke(token.id())) {
            audit.record(owner.login(), "token.revoked", "user:" + owner.login(), "\"" + token.name() + "\", scopes "
                    + Scope.format(token.scopes()));
        }
    }

    /** Parses a role as written in requests and forms; {@code none} only when {@code noneAllowed}, as null. */
    public static TeamRole parseRole(String text, boolean noneAllowed) {
        String role = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (role) {
            case "member" -> TeamRole.MEMBER;
            case "lead" -> TeamRole.LEAD;
            case "none" -> {
                if (noneAllowed) {
                    yield null;
                }
                throw ApiProblem.invalidRequest(List.of(new Problem("role", "must be member or lead")));
            }
            default -> throw ApiProblem.invalidRequest(List.of(new Problem("role",
                    noneAllowed ? "must be member, lead or none" : "must be member or lead")));
        };
    }

    private void requireTeamAndUser(String team, String login) {
        List<Problem> missing = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        if (team == null || teams.find(team).isEmpty()) {
            missing.add(new Problem("team", "does not name a team"));
            detail.add("there is no team \"" + team + "\"");
        }
        if (login == null || users.find(login).isEmpty()) {
            missing.add(new Problem("login", "does not name an account"));
            detail.add("there is no account with the login \"" + login + "\"");
        }
        if (!missing.isEmpty()) {
            throw new ApiProblem(404, "not-found", "Not found", String.join("; ", detail), missing, Map.of());
        }
    }

    /**
     * Refuses to change what the identity provider's groups decide: its next sign-in would undo the change.
     * Disabling such an account still works; the provider does not decide that.
     */
    private static void requireLocallyManaged(UserRepository.Account account, String field) {
        if (account.managedByProvider()) {
            throw conflict(account.login() + " signs in through the identity provider, whose groups set its admin flag"
                    + " and teams at every sign-in; change them there", field, "is managed by the identity provider");
        }
    }

    /** The trimmed name, or a problem when it is empty, too long or has control characters. */
    private static String checkName(List<Problem> problems, String field, String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty() || name.length() > NAME_MAX || hasControl(name)) {
            problems.add(new Problem(field, "must be 1 to " + NAME_MAX + " characters, without control characters"));
        }
        return name;
    }

    private static boolean hasControl(String text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL);
    }

    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalidRequest(problems);
        }
    }

    private static ApiProblem conflict(String detail, String field, String message) {
        return new ApiProblem(409, "conflict", "Conflict", detail, List.of(new Problem(field, message)), Map.of());
    }

    private static String roleId(TeamRole role) {
        return role == null ? "none" : role.id();
    }
}
