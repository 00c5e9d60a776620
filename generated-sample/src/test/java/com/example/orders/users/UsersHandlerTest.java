package com.example.orders.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.example.orders.metrics.MetricNames;
import com.example.orders.metrics.RecordingMetrics;
import com.example.orders.testing.Responses;
import com.example.orders.testing.Sequence;
import com.example.orders.testing.SteppingClock;
import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class UsersHandlerTest {

    private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final UsersHandler handler =
            new UsersHandler(users, metrics, new SteppingClock(Duration.ofMinutes(1)), new Sequence("user"));

    @ParameterizedTest
    @Event(value = "events/users/create-user.json", type = APIGatewayProxyRequestEvent.class)
    void createsAUserAndAnswersWithItsLocation(APIGatewayProxyRequestEvent event) {
        var response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Location", "/users/user-1");
        JsonNode body = Responses.json(response);
        assertThat(body.get("id").asText()).isEqualTo("user-1");
        assertThat(body.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(body.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(body.get("createdAt").asText()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(users.find("user-1")).isPresent();
        assertThat(metrics.recorded).containsExactly(MetricNames.USERS_CREATED);
    }

    @Test
    void rejectsAUserWithoutNameAndWithABadEmailNamingEachField() {
        var response = handle(event("create-user.json").withBody("{\"email\": \"not-an-address\"}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Responses.json(response).get("error").asText()).isEqualTo("validation_failed");
        assertThat(Responses.fieldErrors(response)).containsExactly(
                entry("name", "is required"),
                entry("email", "must be an email address such as ada@example.com"));
        assertThat(users.users).isEmpty();
        assertThat(metrics.recorded).isEmpty();
    }

    @Test
    void rejectsFieldsOfTheWrongTypeOrLength() {
        var response = handle(event("create-user.json").withBody("{\"name\": 42, \"email\": \"" + "a".repeat(250) + "@example.com\"}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Responses.fieldErrors(response)).containsExactly(
                entry("name", "must be a string"),
                entry("email", "must be 1 to 254 characters"));
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        var response = handle(event("create-user.json").withBody("name=Ada"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Responses.json(response).get("message").asText()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void rejectsAMissingBody() {
        var response = handle(event("create-user.json").withBody(null));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Responses.json(response).get("error").asText()).isEqualTo("bad_request");
    }

    @Test
    void returnsAStoredUser() {
        users.create(ada());

        var response = handle(event("get-user.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Responses.json(response).get("name").asText()).isEqualTo("Ada Lovelace");
    }

    @ParameterizedTest
    @Event(value = "events/users/get-user-via-proxy.json", type = APIGatewayProxyRequestEvent.class)
    void findsTheRouteFromThePathWhenApiGatewayMatchedACatchAllRoute(APIGatewayProxyRequestEvent event) {
        users.create(ada());

        var response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Responses.json(response).get("id").asText()).isEqualTo("user-1");
    }

    @Test
    void answersNotFoundForAnUnknownUser() {
        var response = handle(event("get-user.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Responses.json(response).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void rejectsAMalformedIdWithoutLookingItUp() {
        UsersHandler strict = new UsersHandler(new FailingUserRepository(), metrics, new SteppingClock(Duration.ZERO), new Sequence("user"));
        var event = event("get-user.json").withPathParameters(Map.of("id", "../../etc"));

        var response = strict.handleRequest(event, new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Responses.fieldErrors(response)).containsOnlyKeys("id");
    }

    @ParameterizedTest
    @Event(value = "events/users/update-user.json", type = APIGatewayProxyRequestEvent.class)
    void replacesNameAndEmailAndKeepsCreationTime(APIGatewayProxyRequestEvent event) {
        users.create(ada());

        var response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = Responses.json(response);
        assertThat(body.get("name").asText()).isEqualTo("Ada King");
        assertThat(body.get("email").asText()).isEqualTo("ada.king@example.com");
        assertThat(body.get("createdAt").asText()).isEqualTo("2026-02-01T08:00:00Z");
        assertThat(body.get("updatedAt").asText()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(users.find("user-1").map(User::name)).contains("Ada King");
    }

    @Test
    void answersNotFoundWhenReplacingAnUnknownUser() {
        var response = handle(event("update-user.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @Test
    void validatesTheBodyOfAReplacement() {
        users.create(ada());

        var response = handle(event("update-user.json").withBody("{\"name\": \"  \", \"email\": \"ada@example.com\"}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Responses.fieldErrors(response)).containsExactly(entry("name", "must be 1 to 100 characters"));
    }

    @ParameterizedTest
    @Event(value = "events/users/delete-user.json", type = APIGatewayProxyRequestEvent.class)
    void deletesAUser(APIGatewayProxyRequestEvent event) {
        users.create(ada());

        var response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(users.find("user-1")).isEmpty();
    }

    @Test
    void answersNotFoundWhenDeletingAnUnknownUser() {
        var response = handle(event("delete-user.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @Test
    void answersMethodNotAllowedWithTheMethodsThatAre() {
        var response = handle(event("get-user.json").withHttpMethod("PATCH"));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, PUT, DELETE");
    }

    @Test
    void answersAnInternalErrorWithoutDetailsWhenStorageFails() {
        UsersHandler failing = new UsersHandler(new FailingUserRepository(), metrics, new SteppingClock(Duration.ZERO), new Sequence("user"));

        var response = failing.handleRequest(event("create-user.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(500);
        JsonNode body = Responses.json(response);
        assertThat(body.get("error").asText()).isEqualTo("internal_error");
        assertThat(body.get("requestId").asText()).isEqualTo("JqLqNhPAIAMEb-Q=");
        assertThat(response.getBody()).doesNotContain("users-table").doesNotContain("Exception");
        assertThat(metrics.recorded).isEmpty();
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, new TestContext());
    }

    private static APIGatewayProxyRequestEvent event(String file) {
        return EventLoader.loadApiGatewayRestEvent("events/users/" + file);
    }

    private static User ada() {
        return new User("user-1", "Ada Lovelace", "ada@example.com", CREATED, CREATED);
    }

    /** Storage that is down: every call fails the way an unreachable table would. */
    private static final class FailingUserRepository implements UserRepository {

        @Override
        public void create(User user) {
            throw new IllegalStateException("users-table is not reachable");
        }

        @Override
        public Optional<User> find(String id) {
            throw new IllegalStateException("users-table is not reachable");
        }

        @Override
        public Optional<User> update(String id, UserDetails details, Instant at) {
            throw new IllegalStateException("users-table is not reachable");
        }

        @Override
        public boolean delete(String id) {
            throw new IllegalStateException("users-table is not reachable");
        }
    }
}
