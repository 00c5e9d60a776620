package com.example.orders.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of one function, and the one place where a request becomes a response: it picks the
 * route, answers 404 and 405 itself, and turns every exception into a JSON error, so no route can
 * leak a stack trace or an internal message to a client.
 *
 * <p>Requests arrive in API Gateway's payload format 1.0, which an HTTP API and a REST API both send.
 * The route is found from the event's {@code resource} (the route template API Gateway matched) and,
 * when that is not one of ours, for example a {@code /{proxy+}} catch-all, from the request path.
 */
public final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        try {
            return dispatch(event).toEvent();
        } catch (ApiException e) {
            return ApiResponse.of(e).toEvent();
        } catch (RuntimeException e) {
            LOG.error("Request failed: {} {}", event.getHttpMethod(), event.getPath(), e);
            ApiError error = new ApiError("internal_error", "The request could not be completed.", List.of(),
                    requestId(event));
            return new ApiResponse(500, error, Map.of()).toEvent();
        }
    }

    private ApiResponse dispatch(APIGatewayProxyRequestEvent event) {
        String method = event.getHttpMethod() == null ? "" : event.getHttpMethod().toUpperCase(Locale.ROOT);
        List<Matched> matched = byResource(event);
        if (matched.isEmpty()) {
            matched = byPath(event.getPath() == null ? "/" : event.getPath());
        }
        if (matched.isEmpty()) {
            throw ApiException.noRoute();
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Matched candidate : matched) {
            if (candidate.route().method().equals(method)) {
                ApiRequest request = new ApiRequest(method, event.getPath(), candidate.parameters(), body(event));
                return candidate.route().handler().handle(request);
            }
            allowed.add(candidate.route().method());
        }
        throw ApiException.methodNotAllowed(allowed);
    }

    private List<Matched> byResource(APIGatewayProxyRequestEvent event) {
        Map<String, String> parameters = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        return routes.stream()
                .filter(route -> route.path().text().equals(event.getResource()))
                .map(route -> new Matched(route, parameters))
                .toList();
    }

    private List<Matched> byPath(String path) {
        List<Matched> matched = new ArrayList<>();
        for (Route route : routes) {
            route.path().match(path).ifPresent(parameters -> matched.add(new Matched(route, parameters)));
        }
        return matched;
    }

    private static String body(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("The request body is not valid base64.");
            }
        }
        return body;
    }

    private static String requestId(APIGatewayProxyRequestEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getRequestId)
                .orElse(null);
    }

    private record Route(String method, PathTemplate path, RouteHandler handler) {
    }

    private record Matched(Route route, Map<String, String> parameters) {
    }

    /** Lists the routes in one place, so that the routing table reads as the function's table of contents. */
    public static final class Builder {

        private final List<Route> routes = new ArrayList<>();

        public Builder get(String path, RouteHandler handler) {
            return add("GET", path, handler);
        }

        public Builder post(String path, RouteHandler handler) {
            return add("POST", path, handler);
        }

        public Builder put(String path, RouteHandler handler) {
            return add("PUT", path, handler);
        }

        public Builder delete(String path, RouteHandler handler) {
            return add("DELETE", path, handler);
        }

        private Builder add(String method, String path, RouteHandler handler) {
            routes.add(new Route(method, PathTemplate.parse(path), handler));
            return this;
        }

        public Router build() {
            return new Router(routes);
        }
    }
}
