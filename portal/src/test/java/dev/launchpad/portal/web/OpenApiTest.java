package dev.launchpad.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.TestPortal;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiTest {

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
    void everyApiRouteOfTheRoutesTableIsDocumentedAndNothingElse() throws Exception {
        JsonNode paths = JSON.readTree(portal.get("/api/v1/openapi.json").body()).get("paths");
        var table = portal.launchpad().routes();

        var apiRoutes = table.stream().filter(Route::api).toList();
        for (Route route : apiRoutes) {
            assertThat(paths.has(route.path())).as("OpenAPI documents " + route.path()).isTrue();
            assertThat(paths.get(route.path()).has(route.method().name().toLowerCase(Locale.ROOT)))
                    .as("OpenAPI documents " + route.method() + " " + route.path()).isTrue();
        }
        int documented = 0;
        for (JsonNode operations : paths) {
            documented += operations.size();
        }
        assertThat(documented).isEqualTo(apiRoutes.size());
    }

    @Test
    void theDocumentNamesThisPortalAsItsServer() throws Exception {
        JsonNode doc = JSON.readTree(portal.get("/api/v1/openapi.json").body());

        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("servers").get(0).get("url").asText()).isEqualTo(portal.url());
        assertThat(doc.get("info").get("version").asText()).isEqualTo(portal.launchpad().blueprintVersion());
    }

    @Test
    void swaggerUiIsServedFromTheJarWithoutInlineScripts() {
        String page = portal.get("/api/docs").body();

        assertThat(page).contains("/webjars/swagger-ui/" + OpenApi.SWAGGER_UI_VERSION + "/swagger-ui-bundle.js");
        assertThat(page).doesNotContain("https://");
        assertThat(page.replaceAll("<script src=\"[^\"]+\" defer></script>", "")).doesNotContain("<script");
        assertThat(portal.get("/webjars/swagger-ui/" + OpenApi.SWAGGER_UI_VERSION + "/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(portal.get("/assets/swagger-init.js").statusCode()).isEqualTo(200);
    }
}
