package com.example.orders.orders;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.aws.AwsClients;
import com.example.orders.config.ServiceConfig;
import com.example.orders.http.ApiException;
import com.example.orders.http.ApiRequest;
import com.example.orders.http.ApiResponse;
import com.example.orders.http.Router;
import com.example.orders.metrics.BusinessMetrics;
import com.example.orders.metrics.PowertoolsBusinessMetrics;
import com.example.orders.streams.KinesisOrderEvents;
import com.example.orders.streams.PowertoolsStreamMetrics;
import com.example.orders.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.CorrelationIdPaths;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** The orders API: place an order, read it, cancel it. */
public final class OrdersHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersHandler.class);

    private final OrderRepository orders;
    private final BusinessMetrics metrics;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Router router;

    /** The constructor Lambda calls, once per execution environment. */
    public OrdersHandler() {
        this(ServiceConfig.fromEnvironment());
        Priming.register(this, Priming.ORDERS);
    }

    private OrdersHandler(ServiceConfig config) {
        this(new PublishingOrderRepository(
                        new DynamoDbOrderRepository(AwsClients.dynamoDb(config), config.ordersTable()),
                        new KinesisOrderEvents(AwsClients.kinesis(config), config.orderEventsStream()),
                        PowertoolsStreamMetrics.create(config)),
                PowertoolsBusinessMetrics.create(config),
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
    }

    public OrdersHandler(OrderRepository orders, BusinessMetrics metrics, Clock clock, Supplier<String> ids) {
        this.orders = orders;
        this.metrics = metrics;
        this.clock = clock;
        this.ids = ids;
        this.router = Router.builder()
                .post("/orders", this::create)
                .get("/orders/{id}", this::get)
                .post("/orders/{id}/cancel", this::cancel)
                .build();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, CorrelationIdPaths.API_GATEWAY_REST, event,
                () -> router.handle(event));
    }

    private ApiResponse create(ApiRequest request) {
        Instant started = clock.instant();
        NewOrder newOrder = NewOrder.from(request.jsonBody());
        Order order = Order.place(ids.get(), newOrder, started);
        orders.create(order);
        metrics.orderCreated(Duration.between(started, clock.instant()));
        LOG.info("Order created", entry("orderId", order.id()), entry("totalCents", order.totalCents()));
        return ApiResponse.created("/orders/" + order.id(), order);
    }

    private ApiResponse get(ApiRequest request) {
        return orders.find(request.id("id"))
                .map(ApiResponse::ok)
                .orElseThrow(() -> ApiException.notFound("order"));
    }

    private ApiResponse cancel(ApiRequest request) {
        String id = request.id("id");
        return switch (orders.cancel(id, clock.instant())) {
            case Cancellation.Cancelled cancelled -> {
                metrics.orderCancelled();
                LOG.info("Order cancelled", entry("orderId", id));
                yield ApiResponse.ok(cancelled.order());
            }
            case Cancellation.AlreadyCancelled already -> throw ApiException.conflict("The order is already cancelled.");
            case Cancellation.NotFound missing -> throw ApiException.notFound("order");
        };
    }
}
