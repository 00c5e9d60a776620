package dev.launchpad.portal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3 description of {@code /api/v1}, written by hand next to the routes table (a test keeps the
 * two in step), and the Swagger UI page that browses it.
 */
public final class OpenApi {

    /** The Swagger UI page. */
    public record DocsModel(String swaggerUiVersion) {
    }

    /** The Swagger UI webjar's version, from its Maven metadata, so the page follows the dependency. */
    public static final String SWAGGER_UI_VERSION = webjarVersion();

    private final ObjectMapper json;
    private final String publicUrl;
    private final String version;
    private final Pages pages;
    /** Made on the first request rather than at start-up, which no page waits for. */
    private volatile String document;

    public OpenApi(ObjectMapper json, String publicUrl, String version, Pages pages) {
        this.json = json;
        this.publicUrl = publicUrl;
        this.version = version;
        this.pages = pages;
    }

    private String document() {
        String made = document;
        if (made == null) {
            try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
                ObjectNode doc = (ObjectNode) json.readTree(in);
                ((ObjectNode) doc.get("info")).put("version", version);
                doc.putArray("servers").addObject().put("url", publicUrl);
                made = json.writeValueAsString(doc);
            } catch (IOException | NullPointerException e) {
                throw new UncheckedIOException("openapi.json is missing or not JSON", new IOException(e));
            }
            document = made; // two first requests may both make it; they make the same
        }
        return made;
    }

    private static String webjarVersion() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the swagger-ui webjar is missing from the classpath", e);
        }
    }

    public void document(Context ctx) {
        ctx.contentType("application/json").result(document());
    }

    public void docs(Context ctx) {
        pages.render(ctx, "api/docs.jte", new DocsModel(SWAGGER_UI_VERSION));
    }
}
