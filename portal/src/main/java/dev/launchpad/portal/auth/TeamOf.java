package dev.launchpad.portal.auth;

import io.javalin.http.Context;
import java.util.Optional;

/** Which team a request is about: named in its path, or the owner of the service or run it names. */
@FunctionalInterface
public interface TeamOf {

    /** The team, or empty when the thing the path names does not exist. */
    Optional<String> team(Context ctx);

    static TeamOf pathParam(String name) {
        return ctx -> Optional.of(ctx.pathParam(name));
    }
}
