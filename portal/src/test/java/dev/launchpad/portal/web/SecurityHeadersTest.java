package dev.launchpad.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of response carries the browser protections, and no page template needs the Content-Security-Policy
 * to allow inline script or style.
 */
class SecurityHeadersTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    /** A script element with something between its tags: inline code. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script\\b[^>]*>(.*?)</script>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    /** An event handler attribute such as {@code onclick=} inside a tag. */
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[a-zA-Z][^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path data;
    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(data);
        assertThat(portal.postJson("/api/v1/services", Specs.minimal("headers-api")).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        responses.put("a page", expect(portal.get("/services/headers-api"), 200));
        responses.put("the sign-in page", expect(portal.anonymous().get("/signin"), 200));
        responses.put("a redirect to sign in", expect(portal.anonymous().get("/services"), 302));
        responses.put("API JSON", expect(portal.get("/api/v1/services/headers-api"), 200));
        responses.put("a problem", expect(portal.get("/api/v1/services/no-such-service"), 404));
        responses.put("a problem for nobody signed in", expect(portal.anonymous().get("/api/v1/services"), 401));
        responses.put("an error page", expect(portal.get("/services/no-such-service"), 404));
        responses.put("a static asset", expect(portal.get("/assets/app.css"), 200));
        responses.put("a webjar file", expect(portal.get("/webjars/swagger-ui/" + OpenApi.SWAGGER_UI_VERSION + "/swagger-ui.css"), 200));
        responses.put("the API reference", expect(portal.get("/api/docs"), 200));
        responses.put("an unknown path", expect(portal.get("/no/such/page"), 404));
        responses.put("an unknown API path", expect(portal.get("/api/v1/no-such-thing"), 404));

        responses.forEach((what, response) -> {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValue(SecurityHeaders.CSP);
            assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
        });
    }

    @Test
    void thePolicyAllowsNoInlineScriptNoFramingAndNoPlugins() {
        List<String> directives = List.of(SecurityHeaders.CSP.split(";\\s*"));
        assertThat(directives).contains("script-src 'self'", "style-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'", "base-uri 'none'");
        assertThat(SecurityHeaders.CSP).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void noTemplateHasInlineScriptEventHandlersOrStyleAttributes() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> f.toString().endsWith(".jte")).sorted().toList();
        }
        assertThat(templates).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Path template : templates) {
            String text = Files.readString(template);
            Matcher script = INLINE_SCRIPT.matcher(text);
            while (script.find()) {
                if (!script.group(1).isBlank()) {
                    found.add(template + " line " + line(text, script.start()) + ": inline <script>; move it to a file under"
                            + " public/assets and load it with src");
                }
            }
            Matcher event = EVENT_ATTRIBUTE.matcher(text);
            while (event.find()) {
                found.add(template + " line " + line(text, event.end()) + ": an on...= event attribute; add the listener"
                        + " from a script file");
            }
            Matcher style = STYLE_ATTRIBUTE.matcher(text);
            while (style.find()) {
                found.add(template + " line " + line(text, style.end()) + ": a style= attribute; use a class in app.css");
            }
        }
        assertThat(found).as("what the Content-Security-Policy would block").isEmpty();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        return response;
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
