package com.example.orders.health;

import com.example.orders.config.BuildInfo;
import com.example.orders.config.ServiceConfig;
import com.example.orders.http.ApiResponse;
import com.example.orders.http.Router;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import software.amazon.lambda.powertools.logging.CorrelationIdPaths;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * GET /health: whether the function runs, and which build of which service it is. It touches no
 * table, so it stays green while a dependency is down; alarms on the other functions report that.
 */
public final class HealthHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String DESCRIPTION = "Orders and customer accounts for the \"Shop\" storefront: 100% serverless, ${no} %{surprises}";

    private final Router router;

    public HealthHandler() {
        this(ServiceConfig.fromEnvironment(), BuildInfo.load());
    }

    public HealthHandler(ServiceConfig config, BuildInfo build) {
        Health health = new Health("ok", ServiceConfig.SERVICE, config.environment(), build.version(), DESCRIPTION);
        this.router = Router.builder()
                .get("/health", request -> ApiResponse.ok(health))
                .build();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, CorrelationIdPaths.API_GATEWAY_REST, event,
                () -> router.handle(event));
    }
}
