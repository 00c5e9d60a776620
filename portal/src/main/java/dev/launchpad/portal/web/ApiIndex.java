package dev.launchpad.portal.web;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.catalog.Feature;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /api/v1}: how to use the API from a terminal, or the same facts as JSON. */
public final class ApiIndex {

    private final Blueprint blueprint;
    private final String publicUrl;
    private final Supplier<List<Route>> routes;

    public ApiIndex(Blueprint blueprint, String publicUrl, Supplier<List<Route>> routes) {
        this.blueprint = blueprint;
        this.publicUrl = publicUrl;
        this.routes = routes;
    }

    public void show(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Launchpad");
            body.put("blueprintVersion", blueprint.version());
            body.put("endpoints", apiRoutes().stream().map(r -> Map.of("method", r.method().name(), "path", r.path(),
                    "summary", r.summary())).toList());
            body.put("features", blueprint.catalog().features().stream().map(Feature::id).toList());
            body.put("links", Map.of("openapi", "/api/v1/openapi.json", "docs", "/api/docs", "blueprint", "/api/v1/blueprint"));
            ctx.json(body);
            return;
        }
        ctx.contentType("text/plain; charset=utf-8").result(text());
    }

    private List<Route> apiRoutes() {
        return routes.get().stream().filter(Route::api).toList();
    }

    private String text() {
        String u = publicUrl;
        StringBuilder out = new StringBuilder();
        out.append("Launchpad - scaffold and publish serverless Java services (blueprint ").append(blueprint.version())
                .append(")\n\n");
        out.append("""
                Every call needs an API token: create one on your account page (%1$s/account), where it is
                shown once, and send it in a header. The examples below expect it in $LAUNCHPAD_TOKEN:

                    export LAUNCHPAD_TOKEN=lp_...
                    alias curl='curl -H "Authorization: Bearer $LAUNCHPAD_TOKEN"'

                A token has scopes: read (look, preview, estimate), scaffold (publish for your teams) and,
                for admins, admin. Git clone with the token as the password:

                    git clone https://<login>:$LAUNCHPAD_TOKEN@<host>/git/<team>/<service>.git

                Every endpoint that takes a spec takes exactly the JSON of .launchpad/spec.json,
                sent with Content-Type: application/json. Only name, team and description are required;
                left out, everything else takes the defaults listed by /api/v1/blueprint.

                See the features, their options, defaults and constraints:

                    curl %1$s/api/v1/blueprint

                Preview the files a spec generates (add ?include=content for their contents):

                    curl -H 'Content-Type: application/json' \\
                         -d '{"name": "order-service", "team": "payments", "description": "Takes orders"}' \\
                         %1$s/api/v1/projects/preview

                Download the project as a zip:

                    curl -H 'Content-Type: application/json' -d @spec.json -o order-service.zip \\
                         %1$s/api/v1/projects/zip

                Publish it: creates the Git repository and registers the service. A retry with the same
                Idempotency-Key returns the first result instead of publishing twice.

                    curl -i -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuidgen)" \\
                         -d @spec.json %1$s/api/v1/services

                Follow a run's steps as they happen:

                    curl -N %1$s/api/v1/runs/<run id>/events

                Find services:

                    curl '%1$s/api/v1/services?team=payments&feature=monitoring'

                Errors are application/problem+json with one entry per invalid field in "errors".
                OpenAPI: %1$s/api/v1/openapi.json   Browse it: %1$s/api/docs

                """.formatted(u));
        out.append("Features:\n");
        for (Feature f : blueprint.catalog().features()) {
            out.append(String.format("  %-14s %s%s%n", f.id(), f.title(),
                    f.alwaysOn() ? " (always on)" : f.defaultEnabled() ? " (on by default)" : ""));
        }
        out.append("\nEndpoints:\n");
        for (Route r : apiRoutes()) {
            out.append(String.format("  %-5s %-32s %s%n", r.method().name(), r.path(), r.summary()));
        }
        return out.toString();
    }
}
