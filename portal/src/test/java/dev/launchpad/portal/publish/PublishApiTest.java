package dev.launchpad.portal.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.render.ModuleSource;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    @TempDir
    Path work;
    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(data);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void publishingCreatesTheServiceWithLocationRunAndCloneUrl() throws IOException {
        HttpResponse<String> response = portal.postJson("/api/v1/services", Specs.full("order-service"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/services/order-service");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("cloneUrl").asText()).isEqualTo(portal.url() + "/git/payments/order-service.git");
        assertThat(body.get("runId").asText()).isNotBlank();
        assertThat(body.get("service").get("team").asText()).isEqualTo("payments");
        assertThat(body.get("service").get("lastCommit").asText()).hasSize(40);
        assertThat(body.get("service").get("createdBy").asText()).isEqualTo("admin");

        JsonNode run = JSON.readTree(portal.get("/api/v1/runs/" + body.get("runId").asText()).body());
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("steps").findValuesAsText("id")).containsExactly("validate", "render", "commit", "push", "register");
        assertThat(run.get("steps").findValuesAsText("status")).containsOnly("succeeded");
        assertThat(run.get("outputs").get("cloneUrl").asText()).isEqualTo(body.get("cloneUrl").asText());
    }

    @Test
    void thePublishedRepositoryClonesWithGitAndHoldsExactlyTheRenderedProject() throws IOException {
        String spec = Specs.full("clone-me");
        JsonNode body = JSON.readTree(portal.postJson("/api/v1/services", spec).body());

        TestPortal.gitAsAdmin(work, "clone", "--quiet", body.get("cloneUrl").asText(), "clone-me");

        Path clone = work.resolve("clone-me");
        assertThat(files(clone)).isEqualTo(render(spec));
        assertThat(TestPortal.git(clone, "log", "--format=%an <%ae>|%s", "main").strip())
                .isEqualTo("Launchpad admin <admin@localhost>|Create clone-me from Launchpad blueprint " + Blueprint.load().version());
        assertThat(TestPortal.git(clone, "rev-list", "--count", "HEAD").strip()).isEqualTo("1");
        assertThat(TestPortal.git(clone, "rev-parse", "HEAD").strip()).isEqualTo(body.get("service").get("lastCommit").asText());
    }

    @Test
    void aTakenNameIsAConflict() throws IOException {
        portal.postJson("/api/v1/services", Specs.minimal("taken-name"));

        HttpResponse<String> again = portal.postJson("/api/v1/services", Specs.minimal("taken-name"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(again.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(problem.get("detail").asText()).contains("already taken");
        assertThat(problem.get("runId").asText()).isNotBlank();
    }

    @Test
    void anInvalidSpecPublishesNothing() throws IOException {
        HttpResponse<String> response = portal.postJson("/api/v1/services",
                "{\"name\": \"bad-one\", \"team\": \"payments\", \"description\": \"x\", \"features\": {\"budgets\": {}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(portal.get("/api/v1/services/bad-one").statusCode()).isEqualTo(404);
        assertThat(Files.exists(data.resolve("git/payments/bad-one.git"))).isFalse();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResult() throws IOException {
        HttpResponse<String> first = portal.postJson("/api/v1/services", Specs.minimal("idempotent"),
                "Idempotency-Key", "key-1");
        HttpResponse<String> retry = portal.postJson("/api/v1/services", Specs.minimal("idempotent"),
                "Idempotency-Key", "key-1");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void anIdempotencyKeyReusedForAnotherBodyIsRefused() throws IOException {
        portal.postJson("/api/v1/services", Specs.minimal("first-body"), "Idempotency-Key", "key-2");

        HttpResponse<String> other = portal.postJson("/api/v1/services", Specs.minimal("second-body"),
                "Idempotency-Key", "key-2");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(other.body()).get("title").asText()).isEqualTo("Idempotency-Key reused");
        assertThat(portal.get("/api/v1/services/second-body").statusCode()).isEqualTo(404);
    }

    @Test
    void servicesAreFilteredByTeamAndFeature() throws IOException {
        portal.postJson("/api/v1/services", "{\"name\": \"growth-one\", \"team\": \"growth\", \"description\": \"x\","
                + " \"features\": {\"monitoring\": {}}}");
        portal.postJson("/api/v1/services", "{\"name\": \"growth-two\", \"team\": \"growth\", \"description\": \"x\","
                + " \"features\": {}}");

        assertThat(names("/api/v1/services?team=growth")).containsExactlyInAnyOrder("growth-one", "growth-two");
        assertThat(names("/api/v1/services?team=growth&feature=monitoring")).containsExactly("growth-one");
        assertThat(names("/api/v1/services?team=nobody")).isEmpty();
        HttpResponse<String> unknown = portal.get("/api/v1/services?feature=teleport");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no feature \\\"teleport\\\"");
    }

    @Test
    void oneServiceIsFoundByNameAndAnUnknownOneIsNotFound() throws IOException {
        portal.postJson("/api/v1/services", Specs.minimal("find-me"));

        JsonNode service = JSON.readTree(portal.get("/api/v1/services/find-me").body());
        assertThat(service.get("spec").get("name").asText()).isEqualTo("find-me");
        assertThat(service.get("features").toString()).contains("core");
        assertThat(service.get("links").get("page").asText()).isEqualTo("/services/find-me");

        HttpResponse<String> missing = portal.get("/api/v1/services/not-there");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aRunsEventsStreamAsServerSentEventsEndingWithDone() throws Exception {
        String runId = JSON.readTree(portal.postJson("/api/v1/services", Specs.minimal("streamed")).body())
                .get("runId").asText();

        HttpResponse<InputStream> response = TestPortal.http().send(HttpRequest.newBuilder(
                URI.create(portal.url() + "/api/v1/runs/" + runId + "/events")).header("Authorization", "Bearer " + TestPortal.ADMIN_TOKEN).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<String> names = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("event: ")) {
                    names.add(line.substring(7));
                } else if (line.startsWith("data: ")) {
                    events.add(JSON.readTree(line.substring(6)));
                }
            }
        }
        assertThat(names.getLast()).isEqualTo("done");
        assertThat(events.stream().filter(e -> e.get("status").asText().equals("succeeded"))
                .map(e -> e.get("step").asText())).containsExactly("validate", "render", "commit", "push", "register", "run");
        assertThat(events.stream().map(e -> e.get("seq").asInt())).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aFinishedRunsStreamResumedAfterItsLastEventIsEmpty() throws IOException {
        String runId = JSON.readTree(portal.postJson("/api/v1/services", Specs.minimal("resumed")).body())
                .get("runId").asText();
        int last = JSON.readTree(portal.get("/api/v1/runs/" + runId + "/events", "Accept", "application/json").body()).size();

        HttpResponse<String> resumed = portal.get("/api/v1/runs/" + runId + "/events", "Accept", "text/event-stream",
                "Last-Event-ID", Integer.toString(last));

        assertThat(resumed.statusCode()).isEqualTo(204);
    }

    @Test
    void anUnknownRunIsNotFound() {
        assertThat(portal.get("/api/v1/runs/no-such-run").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/v1/runs/no-such-run/events").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAFailedRunCanBeRetried() throws IOException {
        String runId = JSON.readTree(portal.postJson("/api/v1/services", Specs.minimal("no-retry")).body())
                .get("runId").asText();

        HttpResponse<String> retry = portal.postJson("/api/v1/runs/" + runId + "/retry", "");

        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.body()).contains("only failed runs can be retried");
    }

    private List<String> names(String path) throws IOException {
        JsonNode body = JSON.readTree(portal.get(path).body());
        List<String> names = new ArrayList<>();
        body.get("services").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private Map<String, String> render(String json) {
        Blueprint blueprint = Blueprint.load();
        var spec = ((Validation.Valid) blueprint.validate(json)).spec();
        GeneratedProject project = blueprint.render(spec, new ModuleSource(
                "git::" + portal.url() + "/git/platform/terraform-modules.git", "v" + blueprint.version()));
        Map<String, String> files = new TreeMap<>();
        project.files().forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.ISO_8859_1)));
        return files;
    }

    /** Every file below root except Git's own, as path to content (bytes as ISO-8859-1, so comparable). */
    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                if (!relative.startsWith(".git/")) {
                    files.put(relative, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }
}
