package dev.launchpad.portal.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One row of the routes table. */
public record Route(HandlerType method, String path, String summary, Handler handler) {

    public boolean api() {
        return path.startsWith("/api/v1");
    }
}
