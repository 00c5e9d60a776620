package dev.launchpad.portal.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.render.ModuleSource;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
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
    void apiRootExplainsTheApiToACurlUser() {
        HttpResponse<String> response = portal.get("/api/v1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body())
                .contains("curl " + portal.url() + "/api/v1/blueprint")
                .contains("Idempotency-Key")
                .contains("POST  /api/v1/services")
                .contains("monitoring");
    }

    @Test
    void apiRootAnswersJsonWhenAskedFor() throws IOException {
        JsonNode body = json(portal.get("/api/v1", "Accept", "application/json"));

        assertThat(body.get("blueprintVersion").asText()).isEqualTo(Blueprint.load().version());
        assertThat(body.get("endpoints").findValuesAsText("path")).contains("/api/v1/services", "/api/v1/runs/{id}/events");
    }

    @Test
    void blueprintListsFeaturesOptionsDefaultsAndConstraints() throws IOException {
        JsonNode body = json(portal.get("/api/v1/blueprint"));

        assertThat(body.get("blueprintVersion").asText()).isEqualTo(Blueprint.load().version());
        assertThat(body.get("fields").get("name").get("pattern").asText()).isNotBlank();
        assertThat(body.get("fields").get("region").get("default").asText()).isEqualTo("us-east-1");
        JsonNode budgets = feature(body, "budgets");
        assertThat(budgets.get("requires").get(0).get("feature").asText()).isEqualTo("monitoring");
        assertThat(budgets.get("requires").get(0).get("reason").asText()).isNotBlank();
        JsonNode limit = budgets.get("options").get(0);
        assertThat(limit.get("id").asText()).isEqualTo("monthlyLimitUsd");
        assertThat(limit.get("min").asInt()).isEqualTo(1);
        assertThat(limit.get("default").asInt()).isEqualTo(100);
        assertThat(body.get("example").get("features").has("core")).isTrue();
    }

    @Test
    void previewListsEveryGeneratedFileWithItsSize() throws IOException {
        HttpResponse<String> response = portal.postJson("/api/v1/projects/preview", Specs.full("order-service"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        GeneratedProject expected = render(Specs.full("order-service"));
        assertThat(body.get("fileCount").asInt()).isEqualTo(expected.files().size());
        assertThat(body.get("files").findValuesAsText("path")).containsExactlyElementsOf(expected.files().keySet());
        assertThat(body.get("files").get(0).get("size").asInt()).isEqualTo(expected.files().firstEntry().getValue().length);
        assertThat(body.get("files").get(0).has("content")).isFalse();
    }

    @Test
    void previewIncludesContentsWhenAsked() throws IOException {
        JsonNode body = json(portal.postJson("/api/v1/projects/preview?include=content", Specs.minimal("order-service")));

        JsonNode spec = null;
        for (JsonNode file : body.get("files")) {
            if (file.get("path").asText().equals(".launchpad/spec.json")) {
                spec = file;
            }
        }
        assertThat(spec).isNotNull();
        assertThat(spec.get("content").asText()).contains("\"name\": \"order-service\"");
    }

    @Test
    void zipHoldsExactlyTheRenderedProjectUnderOneFolder() throws IOException {
        HttpResponse<byte[]> response = portal.postBytes("/api/v1/projects/zip", "application/json", Specs.full("order-service"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"order-service.zip\"");
        Map<String, byte[]> entries = unzip(response.body());
        GeneratedProject expected = render(Specs.full("order-service"));
        assertThat(entries.keySet()).containsExactlyElementsOf(
                expected.files().keySet().stream().map(p -> "order-service/" + p).toList());
        expected.files().forEach((path, bytes) -> assertThat(entries.get("order-service/" + path)).isEqualTo(bytes));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithUnsupportedMediaType() throws IOException {
        HttpResponse<String> response = portal.post("/api/v1/projects/preview", "text/plain", Specs.minimal("order-service"));

        assertThat(response.statusCode()).isEqualTo(415);
        assertProblem(response);
        assertThat(json(response).get("detail").asText()).contains("Content-Type: application/json").contains("text/plain");
    }

    @Test
    void anOversizedBodyIsRefusedWithItsLimit() throws IOException {
        String huge = "{\"name\": \"order-service\", \"description\": \"" + "x".repeat(70_000) + "\"}";

        HttpResponse<String> response = portal.postJson("/api/v1/projects/zip", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response);
        assertThat(json(response).get("detail").asText()).contains("65536 bytes");
    }

    @Test
    void malformedJsonSaysWhere() throws IOException {
        HttpResponse<String> response = portal.postJson("/api/v1/projects/preview", "{\"name\": \"order-service\",");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = assertProblem(response);
        assertThat(body.get("title").asText()).isEqualTo("Malformed JSON");
        assertThat(body.get("detail").asText()).contains("line 1");
    }

    @Test
    void everyInvalidFieldIsReportedSeparately() throws IOException {
        String spec = """
                {"name": "Order_Service", "team": "payments", "description": "Takes orders",
                 "region": "mars-1", "environments": ["dev", "dev"], "colour": "blue",
                 "features": {"teleport": {}, "core": {"memoryMb": 99999, "colour": "red"}}}
                """;

        HttpResponse<String> response = portal.postJson("/api/v1/projects/preview", spec);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = assertProblem(response);
        assertThat(body.get("type").asText()).isEqualTo("urn:launchpad:problem:invalid-spec");
        assertThat(fields(body)).contains("name", "region", "environments[1]", "colour", "features.teleport",
                "features.core.memoryMb", "features.core.colour");
        assertThat(message(body, "features.core.memoryMb")).contains("from 256 to 10240");
        assertThat(message(body, "features.teleport")).contains("unknown feature");
    }

    @Test
    void aFeatureWithoutTheFeatureItRequiresIsExplained() throws IOException {
        String spec = "{\"name\": \"order-service\", \"team\": \"payments\", \"description\": \"Takes orders\","
                + " \"features\": {\"budgets\": {}}}";

        JsonNode body = json(portal.postJson("/api/v1/projects/zip", spec));

        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(message(body, "features.budgets")).contains("requires feature \"monitoring\"").contains("alert topic");
    }

    @Test
    void twoFeaturesThatCannotBeCombinedAreExplained() throws IOException {
        JsonNode blueprint = json(portal.get("/api/v1/blueprint"));
        String first = null;
        String second = null;
        for (JsonNode f : blueprint.get("features")) {
            if (first == null && !f.get("conflicts").isEmpty()) {
                first = f.get("id").asText();
                second = f.get("conflicts").get(0).get("feature").asText();
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(first != null, "the catalog has no conflicting features");
        String spec = "{\"name\": \"order-service\", \"team\": \"payments\", \"description\": \"Takes orders\","
                + " \"features\": {\"" + first + "\": {}, \"" + second + "\": {}}}";

        HttpResponse<String> response = portal.postJson("/api/v1/projects/preview", spec);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = assertProblem(response);
        assertThat(body.get("errors").toString()).contains("cannot be combined with feature");
    }

    @Test
    void anUnknownApiPathIsAProblemDocument() throws IOException {
        HttpResponse<String> response = portal.get("/api/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(assertProblem(response).get("detail").asText()).contains("GET /api/v1 lists the API");
    }

    static JsonNode feature(JsonNode blueprint, String id) {
        for (JsonNode f : blueprint.get("features")) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + id);
    }

    static JsonNode assertProblem(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(body.get("type").asText()).isNotBlank();
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        return body;
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    static String message(JsonNode problem, String field) {
        for (JsonNode e : problem.get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no problem for " + field + " in " + problem);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private GeneratedProject render(String json) {
        Blueprint blueprint = Blueprint.load();
        var spec = ((Validation.Valid) blueprint.validate(json)).spec();
        return blueprint.render(spec, new ModuleSource("git::" + portal.url() + "/git/platform/terraform-modules.git",
                "v" + blueprint.version()));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
