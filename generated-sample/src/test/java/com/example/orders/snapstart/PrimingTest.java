package com.example.orders.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.config.BuildInfo;
import com.example.orders.config.ServiceConfig;
import com.example.orders.health.HealthHandler;
import com.example.orders.metrics.RecordingMetrics;
import com.example.orders.orders.OrderRepository;
import com.example.orders.orders.OrdersHandler;
import com.example.orders.users.UserRepository;
import com.example.orders.users.UsersHandler;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hooks called directly, as SnapStart calls them around its snapshot: offline, with no AWS at all. */
class PrimingTest {

    @Test
    void beforeTheSnapshotEachSyntheticRequestGoesThroughTheHandler() throws Exception {
        List<String> seen = new ArrayList<>();
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = (request, context) -> {
            seen.add(request.getHttpMethod() + " " + request.getResource());
            return new APIGatewayProxyResponseEvent().withStatusCode(400);
        };

        new Priming(handler, Priming.USERS).beforeCheckpoint(null);

        assertThat(seen).containsExactly("POST /users", "GET /users/{id}");
    }

    @Test
    void healthIsPrimedWithItsWholeRoute() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HealthHandler health = new HealthHandler(ServiceConfig.from(Map.of()), new BuildInfo("1.0.0"));

        new Priming(recording(health, statuses), Priming.HEALTH).beforeCheckpoint(null);

        assertThat(statuses).containsExactly(200);
    }

    @Test
    void usersAndOrdersArePrimedWithoutReachingTheirTablesOrPublishingMetrics() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        RecordingMetrics metrics = new RecordingMetrics();
        UsersHandler users = new UsersHandler(untouchable(UserRepository.class), metrics, Clock.systemUTC(), () -> "id");
        OrdersHandler orders = new OrdersHandler(untouchable(OrderRepository.class), metrics, Clock.systemUTC(), () -> "id");

        new Priming(recording(users, statuses), Priming.USERS).beforeCheckpoint(null);
        new Priming(recording(orders, statuses), Priming.ORDERS).beforeCheckpoint(null);

        assertThat(statuses).containsOnly(400).hasSize(4);
        assertThat(metrics.recorded).isEmpty();
    }

    @Test
    void afterARestoreTheEnvironmentHasAnIdOfItsOwn() throws Exception {
        Priming priming = new Priming((request, context) -> null, List.of());
        String beforeTheSnapshot = priming.environmentId();

        priming.afterRestore(null);

        assertThat(priming.environmentId()).isNotEqualTo(beforeTheSnapshot).hasSize(36);
    }

    @Test
    void registeringOutsideSnapStartChangesNothing() {
        List<String> seen = new ArrayList<>();

        Priming.register((request, context) -> {
            seen.add(request.getResource());
            return null;
        }, Priming.HEALTH);

        assertThat(seen).as("priming runs only before a snapshot").isEmpty();
    }

    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> recording(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler, List<Integer> statuses) {
        return (request, context) -> {
            APIGatewayProxyResponseEvent response = handler.handleRequest(request, context);
            statuses.add(response.getStatusCode());
            return response;
        };
    }

    /** A repository whose every method fails the test: priming must not reach the tables. */
    private static <T> T untouchable(Class<T> repository) {
        return repository.cast(Proxy.newProxyInstance(repository.getClassLoader(), new Class<?>[] {repository},
                (proxy, method, arguments) -> {
                    throw new AssertionError("priming called " + repository.getSimpleName() + "." + method.getName());
                }));
    }
}
