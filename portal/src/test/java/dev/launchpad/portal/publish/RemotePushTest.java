package dev.launchpad.portal.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.config.GitTarget;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemotePushTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "s3cret-token-42";

    @TempDir
    Path data;
    @TempDir
    Path remoteRoot;
    @TempDir
    Path work;

    RemoteGitServer remote;
    TestPortal portal;

    @BeforeEach
    void start() throws Exception {
        remote = new RemoteGitServer(remoteRoot, "launchpad-bot", PASSWORD);
        portal = TestPortal.start(data, c -> c.withGit(new GitTarget.Remote(remote.urlTemplate(), "launchpad-bot", PASSWORD)));
    }

    @AfterEach
    void stop() throws Exception {
        portal.close();
        remote.close();
    }

    @Test
    void aPushToTheRemoteCreatesTheRepositoryThereWithTheCredentials() throws Exception {
        HttpResponse<String> response = portal.postJson("/api/v1/services", Specs.minimal("remote-ok"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("cloneUrl").asText()).isEqualTo(remote.urlTemplate().replace("{team}", "payments")
                .replace("{service}", "remote-ok"));
        TestPortal.git(work, "clone", "--quiet", remote.cloneUrlWithCredentials("payments", "remote-ok"), "remote-ok");
        assertThat(TestPortal.git(work.resolve("remote-ok"), "rev-parse", "HEAD").strip())
                .isEqualTo(body.get("service").get("lastCommit").asText());
        // the portal keeps a read-only copy for its service page
        assertThat(portal.get("/services/remote-ok?file=.launchpad/spec.json").body()).contains("remote-ok");
        assertThat(response.body()).doesNotContain(PASSWORD);
    }

    @Test
    void aRejectedPushLeavesNothingBehindAndShowsTheRemotesReason() throws Exception {
        remote.reject("repository creation is frozen for the audit");

        HttpResponse<String> response = portal.postJson("/api/v1/services", Specs.minimal("rejected"));

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("detail").asText()).contains("rejected").contains("repository creation is frozen for the audit");
        assertThat(problem.get("step").asText()).isEqualTo("push");
        assertThat(portal.get("/api/v1/services/rejected").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/v1/services").body()).doesNotContain("rejected");
        assertThat(Files.exists(data.resolve("git/payments/rejected.git"))).isFalse();
        assertThat(Files.exists(remote.repository("payments", "rejected").resolve("refs/heads/main"))).isFalse();

        JsonNode run = JSON.readTree(portal.get("/api/v1/runs/" + problem.get("runId").asText()).body());
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("steps").get(3).get("status").asText()).isEqualTo("failed");
        assertThat(run.get("steps").get(3).get("message").asText()).contains("repository creation is frozen");
        assertThat(run.get("steps").get(4).get("status").asText()).isEqualTo("skipped");
        assertThat(run.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aFailedRunCanBeRetriedOnceTheRemoteAccepts() throws Exception {
        remote.reject("try again later");
        String runId = JSON.readTree(portal.postJson("/api/v1/services", Specs.minimal("second-try")).body())
                .get("runId").asText();

        remote.accept();
        HttpResponse<String> retry = portal.postJson("/api/v1/runs/" + runId + "/retry", "");

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        JsonNode retried = JSON.readTree(portal.get("/api/v1/runs/" + JSON.readTree(retry.body()).get("runId").asText()).body());
        assertThat(retried.get("retryOf").asText()).isEqualTo(runId);
        assertThat(portal.get("/api/v1/services/second-try").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreachableRemoteFailsThePushStepAndFreesTheName() throws Exception {
        try (TestPortal unreachable = TestPortal.start(work.resolve("data"),
                c -> c.withGit(new GitTarget.Remote("http://127.0.0.1:1/{team}/{service}.git", "u", PASSWORD)))) {

            HttpResponse<String> response = unreachable.postJson("/api/v1/services", Specs.minimal("nowhere"));

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("could not push to http://127.0.0.1:1/");
            assertThat(unreachable.get("/api/v1/services/nowhere").statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void wrongCredentialsAreReportedWithoutShowingThem() throws Exception {
        try (TestPortal wrong = TestPortal.start(work.resolve("data"),
                c -> c.withGit(new GitTarget.Remote(remote.urlTemplate(), "launchpad-bot", "wrong-password")))) {

            HttpResponse<String> response = wrong.postJson("/api/v1/services", Specs.minimal("not-allowed"));

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(response.body()).get("detail").asText()).containsIgnoringCase("not authorized");
            assertThat(response.body()).doesNotContain("wrong-password");
        }
    }
}
