package com.example.orders.snapstart;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.http.Json;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming. Lambda snapshots a function version after its init phase and starts new
 * execution environments from that snapshot, so work done before the snapshot is paid once per
 * deployment instead of on every cold start. Before the snapshot this sends a handler synthetic
 * requests: Jackson builds its readers and writers, and routing, validation, error answers and
 * Powertools logging load and run. The requests are invalid on purpose, so they are answered before
 * any repository is reached: priming calls no AWS service and publishes no business metric.
 *
 * <p>Uniqueness: everything in memory at the snapshot is shared by every environment restored from it.
 * <ul>
 *   <li>Ids come from {@code UUID.randomUUID()}, that is {@code SecureRandom}, which Lambda's Java
 *       runtime keeps unique across restores; a {@code java.util.Random} or any seed made during init
 *       would not be, so do not add one without renewing it in {@code afterRestore}.</li>
 *   <li>AWS credentials come from the environment Lambda gives each restored environment, and the SDK
 *       opens new connections when the ones from before the snapshot are gone.</li>
 *   <li>Nothing here reads secrets or feature flags: a value read before the snapshot would be frozen
 *       into it, and priming must not depend on AWS being reachable.</li>
 *   <li>{@code environmentId()} is made again after each restore, so each environment has its own.</li>
 * </ul>
 */
public final class Priming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** The CRaC context may hold resources weakly; these references keep them until the snapshot. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    /** GET /health: the whole route, which reads nothing. */
    public static final List<APIGatewayProxyRequestEvent> HEALTH = List.of(
            request("GET", "/health", "/health", Map.of(), null));

    /** The users routes, each stopped by validation before it reaches the table. */
    public static final List<APIGatewayProxyRequestEvent> USERS = List.of(
            request("POST", "/users", "/users", Map.of(), "{\"name\": \"\", \"email\": \"not-an-address\"}"),
            request("GET", "/users/{id}", "/users/not%20an%20id", Map.of("id", "not an id"), null));

    /** The orders routes, each stopped by validation before it reaches the table. */
    public static final List<APIGatewayProxyRequestEvent> ORDERS = List.of(
            request("POST", "/orders", "/orders", Map.of(), "{\"userId\": \"u-1\", \"items\": [], \"currency\": \"XXX1\"}"),
            request("GET", "/orders/{id}", "/orders/not%20an%20id", Map.of("id", "not an id"), null));

    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;
    private final List<APIGatewayProxyRequestEvent> requests;
    private volatile String environmentId = UUID.randomUUID().toString();

    Priming(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            List<APIGatewayProxyRequestEvent> requests) {
        this.handler = handler;
        this.requests = List.copyOf(requests);
    }

    /** Primes {@code handler} with {@code requests} before SnapStart's snapshot; outside SnapStart it does nothing. */
    public static Priming register(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
                                   List<APIGatewayProxyRequestEvent> requests) {
        Priming priming = new Priming(handler, requests);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        for (APIGatewayProxyRequestEvent request : requests) {
            APIGatewayProxyResponseEvent response = handler.handleRequest(request, null);
            LOG.debug("Primed", entry("method", request.getHttpMethod()), entry("resource", request.getResource()),
                    entry("status", response.getStatusCode()));
        }
        Json.MAPPER.readTree(Json.write(Map.of("primed", requests.size())));
        LOG.info("Primed before the snapshot", entry("requests", requests.size()));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        environmentId = UUID.randomUUID().toString();
        LOG.info("Restored from the snapshot", entry("environmentId", environmentId));
    }

    /** An id of this execution environment, unique also among environments restored from one snapshot. */
    public String environmentId() {
        return environmentId;
    }

    private static APIGatewayProxyRequestEvent request(String method, String resource, String path,
                                                       Map<String, String> pathParameters, String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withResource(resource)
                .withPath(path)
                .withPathParameters(pathParameters)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false);
    }
}
