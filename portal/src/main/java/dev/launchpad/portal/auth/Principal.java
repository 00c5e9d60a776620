package dev.launchpad.portal.auth;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Someone signed in, as one request sees them: their account, whether they are an admin, their teams with
 * a role in each, how they authenticated and the scopes that allows.
 *
 * @param csrfToken the session's anti-forgery token, or null for a request authenticated by an API token
 *                  (a bearer token is not sent by the browser on its own, so it needs none)
 */
public record Principal(User user, boolean admin, Map<String, TeamRole> teams, Set<Scope> scopes, String csrfToken) {

    public Principal {
        teams = Collections.unmodifiableSortedMap(new TreeMap<>(teams)); // in name order, wherever they are listed
        scopes = Set.copyOf(scopes);
    }

    public String login() {
        return user.login();
    }

    public boolean viaToken() {
        return csrfToken == null;
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** Member or lead of the team, or an admin. */
    public boolean canSeeTeam(String team) {
        return admin || teams.containsKey(team);
    }

    /** Lead of the team, or an admin: who may see its cost and budgets. */
    public boolean leads(String team) {
        return admin || teams.get(team) == TeamRole.LEAD;
    }

    /** May publish services for the team (a member or lead of it, or an admin). */
    public boolean canScaffoldFor(String team) {
        return has(Scope.SCAFFOLD) && canSeeTeam(team);
    }

    public Set<String> ledTeams() {
        Set<String> led = new TreeSet<>();
        teams.forEach((team, role) -> {
            if (role == TeamRole.LEAD) {
                led.add(team);
            }
        });
        return led;
    }
}
