package dev.launchpad.portal.auth;

/**
 * The rule a route declares: who may use it. Every route in the routes table has one, and one guard
 * checks it before the handler runs.
 */
public sealed interface Access {

    /** Anyone, signed in or not: sign-in, static files, the API's self-description. */
    record Anyone() implements Access {
    }

    /** Anyone signed in whose credentials hold {@code scope}; handlers narrow what they list to the user's teams. */
    record SignedIn(Scope scope) implements Access {
    }

    /** Signed in through the browser, not with an API token: managing one's own tokens. */
    record BrowserSession() implements Access {
    }

    /**
     * A member of the team the request is about (or a lead, or an admin); with {@code leadOnly}, its leads and
     * admins only.
     */
    record Team(TeamOf teamOf, boolean leadOnly, Scope scope) implements Access {
    }

    /** Publishing: the scaffold scope, and the team named in the request body must be one of the user's. */
    record Scaffold() implements Access {
    }

    /** Admins only. */
    record Admin() implements Access {
    }

    static Access anyone() {
        return new Anyone();
    }

    static Access signedIn() {
        return new SignedIn(Scope.READ);
    }

    static Access browserSession() {
        return new BrowserSession();
    }

    static Access member(TeamOf team) {
        return new Team(team, false, Scope.READ);
    }

    /** A member of the team acting on it (retrying its runs): needs the scaffold scope. */
    static Access memberActing(TeamOf team) {
        return new Team(team, false, Scope.SCAFFOLD);
    }

    static Access lead(TeamOf team) {
        return new Team(team, true, Scope.READ);
    }

    static Access scaffold() {
        return new Scaffold();
    }

    static Access admin() {
        return new Admin();
    }
}
