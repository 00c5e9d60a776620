package dev.launchpad.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagesTest {

    @TempDir
    static Path data;
    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(data, c -> c.withDemoData(true));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theHomePageIsTheCatalog() {
        HttpResponse<String> home = portal.get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue("/services");
    }

    @Test
    void demoDataShowsTwoTeamsAndTheirServicesInTheCatalog() {
        String page = portal.get("/services").body();

        assertThat(page).contains("order-service").contains("signup-api").contains("<option value=\"growth\"");
        assertThat(portal.get("/services?team=growth").body()).contains("signup-api").doesNotContain("order-service");
        assertThat(portal.get("/services?feature=budgets").body()).contains("order-service").doesNotContain("signup-api");
    }

    @Test
    void aServicePageShowsTheCloneCommandAndTheFilesOfThePublishedCommit() {
        String page = portal.get("/services/order-service").body();

        assertThat(page).contains("git clone " + portal.url() + "/git/payments/order-service.git");
        assertThat(page).contains("?file=.launchpad/spec.json");
        String file = portal.get("/services/order-service?file=.launchpad/spec.json").body();
        assertThat(file).contains("\"name\": \"order-service\"");
        assertThat(portal.get("/services/order-service?file=nope.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void theNewServiceFormLabelsEveryField() {
        String page = portal.get("/new").body();

        Matcher inputs = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bid=\"([^\"]+)\"").matcher(page);
        int count = 0;
        while (inputs.find()) {
            count++;
            assertThat(page).as("a label for #" + inputs.group(1)).contains("for=\"" + inputs.group(1) + "\"");
        }
        assertThat(count).isGreaterThan(8);
        assertThat(page).contains("Needs <strong>Monitoring and alerting</strong>");
    }

    @Test
    void aFormWithProblemsComesBackWithEachProblemBesideItsField() {
        HttpResponse<String> response = portal.postForm("/new", Map.of(
                "name", List.of("Bad Name"), "team", List.of("payments"), "description", List.of(""),
                "environments", List.of("dev"), "feature", List.of("budgets"), "opt.budgets.monthlyLimitUsd", List.of("0")));

        assertThat(response.statusCode()).isEqualTo(400);
        String page = response.body();
        assertThat(errorsFor(page, "name")).contains("lowercase letters");
        assertThat(errorsFor(page, "description")).contains("is required");
        assertThat(errorsFor(page, "features.budgets")).contains("requires feature \"monitoring\"");
        assertThat(errorsFor(page, "features.budgets.monthlyLimitUsd")).contains("from 1 to 1000000");
        assertThat(page).contains("value=\"Bad Name\"");
    }

    @Test
    void aValidFormStartsARunAndSendsTheBrowserToIt() {
        HttpResponse<String> response = portal.postForm("/new", Map.of(
                "name", List.of("from-form"), "team", List.of("payments"), "description", List.of("Made in the form"),
                "environments", List.of("dev, prod"), "feature", List.of("monitoring"), "region", List.of("eu-west-1")));

        assertThat(response.statusCode()).isEqualTo(303);
        String run = response.headers().firstValue("Location").orElseThrow();
        assertThat(run).startsWith("/runs/");
        assertThat(portal.get(run).body()).contains("from-form").contains("data-step=\"push\"");
    }

    @Test
    void aTakenNameIsShownBesideTheNameField() {
        HttpResponse<String> response = portal.postForm("/new", Map.of(
                "name", List.of("order-service"), "team", List.of("payments"), "description", List.of("Again"),
                "environments", List.of("dev")));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(errorsFor(response.body(), "name")).contains("already taken");
    }

    @Test
    void theFormDownloadsTheSameZipAsTheApi() {
        HttpResponse<byte[]> fromForm = portal.postBytes("/new/zip", "application/x-www-form-urlencoded",
                "name=zipped&team=payments&description=Takes+orders&environments=dev+prod&feature=monitoring&feature=budgets&region=us-east-1");
        HttpResponse<byte[]> fromApi = portal.postBytes("/api/v1/projects/zip", "application/json", Specs.minimal("zipped"));

        assertThat(fromForm.statusCode()).isEqualTo(200);
        assertThat(fromForm.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"zipped.zip\"");
        assertThat(fromForm.body()).isEqualTo(fromApi.body());
    }

    @Test
    void anUnknownPageIsAnHtmlErrorPage() {
        HttpResponse<String> response = portal.get("/services/not-a-service");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("Not found").contains("not-a-service");
    }

    @Test
    void noPageNeedsInlineScriptsOrStyles() {
        for (String path : List.of("/services", "/services/order-service", "/new", "/api/docs", "/services/none")) {
            String page = portal.get(path).body();
            assertThat(page.replaceAll("<script src=\"[^\"]+\" defer></script>", "")).as(path).doesNotContain("<script");
            assertThat(page).as(path).doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("style=").doesNotContain("<style");
        }
    }

    private static String errorsFor(String page, String field) {
        Matcher m = Pattern.compile("data-error-for=\"" + Pattern.quote(field) + "\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("an error box for " + field).isTrue();
        return m.group(1);
    }
}
