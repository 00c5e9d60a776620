package com.example.orders.users;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.aws.AwsClients;
import com.example.orders.config.FeatureFlags;
import com.example.orders.config.ServiceConfig;
import com.example.orders.http.ApiException;
import com.example.orders.http.ApiRequest;
import com.example.orders.http.ApiResponse;
import com.example.orders.http.Router;
import com.example.orders.metrics.BusinessMetrics;
import com.example.orders.metrics.PowertoolsBusinessMetrics;
import com.example.orders.streams.KinesisUserActivity;
import com.example.orders.streams.PowertoolsStreamMetrics;
import com.example.orders.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.CorrelationIdPaths;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** The users API: create, read, replace and delete users. */
public final class UsersHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(UsersHandler.class);

    private final UserRepository users;
    private final BusinessMetrics metrics;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Router router;

    /** The constructor Lambda calls, once per execution environment. */
    public UsersHandler() {
        this(ServiceConfig.fromEnvironment());
        Priming.register(this, Priming.USERS);
    }

    private UsersHandler(ServiceConfig config) {
        this(repository(config),
                PowertoolsBusinessMetrics.create(config),
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
    }

    /** The users table, behind the profile cache, publishing each change as user activity. */
    private static UserRepository repository(ServiceConfig config) {
        UserRepository users = new DynamoDbUserRepository(AwsClients.dynamoDb(config), config.usersTable());
        UserRepository cached = CachingUserRepository.inFrontOf(users, config);
        if (cached != users) {
            FeatureFlags flags = FeatureFlags.fromEnvironment(config);
            users = new FlagGatedUserReads(cached, users, () -> flags.isEnabled(FlagGatedUserReads.FLAG));
        }
        users = new PublishingUserRepository(users,
                new KinesisUserActivity(AwsClients.kinesis(config), config.userActivityStream()),
                PowertoolsStreamMetrics.create(config), Clock.systemUTC());
        return users;
    }

    public UsersHandler(UserRepository users, BusinessMetrics metrics, Clock clock, Supplier<String> ids) {
        this.users = users;
        this.metrics = metrics;
        this.clock = clock;
        this.ids = ids;
        this.router = Router.builder()
                .post("/users", this::create)
                .get("/users/{id}", this::get)
                .put("/users/{id}", this::update)
                .delete("/users/{id}", this::delete)
                .build();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, CorrelationIdPaths.API_GATEWAY_REST, event,
                () -> router.handle(event));
    }

    private ApiResponse create(ApiRequest request) {
        UserDetails details = UserDetails.from(request.jsonBody());
        User user = User.create(ids.get(), details, clock.instant());
        users.create(user);
        metrics.userCreated();
        LOG.info("User created", entry("userId", user.id()));
        return ApiResponse.created("/users/" + user.id(), user);
    }

    private ApiResponse get(ApiRequest request) {
        return users.find(request.id("id"))
                .map(ApiResponse::ok)
                .orElseThrow(() -> ApiException.notFound("user"));
    }

    private ApiResponse update(ApiRequest request) {
        String id = request.id("id");
        UserDetails details = UserDetails.from(request.jsonBody());
        Instant now = clock.instant();
        return users.update(id, details, now)
                .map(ApiResponse::ok)
                .orElseThrow(() -> ApiException.notFound("user"));
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.id("id");
        if (!users.delete(id)) {
            throw ApiException.notFound("user");
        }
        LOG.info("User deleted", entry("userId", id));
        return ApiResponse.noContent();
    }
}
