package com.example.orders.health;

import com.example.orders.config.BuildInfo;
import com.example.orders.config.ServiceConfig;
import com.example.orders.http.ApiResponse;
import com.example.orders.http.Router;
import com.example.orders.config.FlagReport;
import com.example.orders.config.FlagsHealth;
import com.example.orders.secrets.SecretsHealth;
import com.example.orders.secrets.SecretsReadiness;
import com.example.orders.snapstart.Priming;
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
        this(ServiceConfig.fromEnvironment(), BuildInfo.load(), SecretsReadiness.fromEnvironment(), FlagReport.fromEnvironment());
        Priming.register(this, Priming.HEALTH);
    }

    public HealthHandler(ServiceConfig config, BuildInfo build) {
        this(config, build, SecretsReadiness.none(), FlagReport.none());
    }

    /** With what operators check after a deployment: which secrets are set, which flags are on. Never a secret's value. */
    public HealthHandler(ServiceConfig config, BuildInfo build, SecretsReadiness secrets, FlagReport flags) {
        Health health = new Health("ok", ServiceConfig.SERVICE, config.environment(), build.version(), DESCRIPTION);
        this.router = Router.builder()
                .get("/health", request -> {
                    Object answer = health;
                    answer = new SecretsHealth(answer, secrets.report());
                    answer = new FlagsHealth(answer, flags.report());
                    return ApiResponse.ok(answer);
                })
                .build();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, CorrelationIdPaths.API_GATEWAY_REST, event,
                () -> router.handle(event));
    }
}
