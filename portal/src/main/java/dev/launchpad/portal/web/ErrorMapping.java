package dev.launchpad.portal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.portal.auth.CurrentUser;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from failures to responses: {@code application/problem+json} under {@code /api/},
 * an error page everywhere else.
 */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    public static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper json;
    private final Pages pages;
    private final CurrentUser currentUser;

    public ErrorMapping(ObjectMapper json, Pages pages, CurrentUser currentUser) {
        this.json = json;
        this.pages = pages;
        this.currentUser = currentUser;
    }

    public void problem(ApiProblem problem, Context ctx) {
        respond(ctx, problem);
    }

    public void http(HttpResponseException e, Context ctx) {
        respond(ctx, fromHttp(e, ctx));
    }

    public void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        respond(ctx, new ApiProblem(500, "internal-error", "Internal server error",
                "something went wrong on the server; the error is in the portal's log"));
    }

    /** For statuses set without an exception (e.g. a 404 for an unknown path). */
    public void status(Context ctx) {
        if (ctx.result() == null || ctx.result().isEmpty()) {
            respond(ctx, fromHttp(new HttpResponseException(ctx.statusCode(), ctx.status().getMessage()), ctx));
        }
    }

    private ApiProblem fromHttp(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> ApiProblem.notFound("nothing is at " + ctx.method() + " " + ctx.path()
                    + (isApi(ctx) ? "; GET /api/v1 lists the API" : ""));
            case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path());
            case 413 -> new ApiProblem(413, "body-too-large", "Request body too large",
                    "the request body is larger than the server accepts");
            default -> new ApiProblem(status, "http-" + status, httpTitle(status), e.getMessage());
        };
    }

    private void respond(Context ctx, ApiProblem problem) {
        ctx.status(problem.status());
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"Launchpad\"");
        }
        if (isApi(ctx)) {
            ctx.contentType(PROBLEM_JSON).result(toJson(problem, ctx.path()));
        } else {
            pages.render(ctx, "error.jte", new ErrorPage(pages.chrome(ctx, problem.title(), ""),
                    problem.status(), problem.title(), problem.detail()));
            ctx.status(problem.status());
        }
    }

    public String toJson(ApiProblem problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", instance);
        List<Problem> errors = problem.errors();
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        }
        problem.extensions().forEach(body::putIfAbsent);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/v1");
    }

    private static String httpTitle(int status) {
        try {
            return io.javalin.http.HttpStatus.forStatus(status).getMessage();
        } catch (RuntimeException e) {
            return "Error";
        }
    }
}
