package dev.launchpad.portal.auth;

import io.javalin.http.Context;

/**
 * Who is making a request. The one place identity comes from: today the configured local user, later
 * whoever signed in.
 */
@FunctionalInterface
public interface CurrentUser {

    User of(Context ctx);

    /** Everyone is the configured local user (the portal has no sign-in yet). */
    static CurrentUser local(User user) {
        return ctx -> user;
    }
}
