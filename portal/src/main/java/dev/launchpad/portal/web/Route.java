package dev.launchpad.portal.web;

import dev.launchpad.portal.auth.Access;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/** One row of the routes table: every route declares who may use it. */
public record Route(HandlerType method, String path, String summary, Access access, Handler handler) {

    public Route {
        Objects.requireNonNull(access, () -> method + " " + path + " declares no access rule");
    }

    public boolean api() {
        return path.startsWith("/api/v1");
    }
}
