package dev.launchpad.portal.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.aws.AwsStub;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS that stops answering, behind a client that gives up after two seconds and pages that wait half of one. */
class HealthTimeoutTest {

    @TempDir
    static Path data;
    static StubbedPortal aws;

    @BeforeAll
    static void start() {
        aws = StubbedPortal.start(data, Duration.ofMillis(500), Duration.ofMillis(2000));
        aws.publish(Specs.minimal("billing-api"));
        aws.stub.resources("billing-api", "prod", StubbedPortal.stack("billing-api", "prod", List.of("health", "users", "orders"),
                List.of("users", "orders"), StubbedPortal.httpApi("b1ll1ng")));
        aws.stub.alarm("billing-api-prod-api-5xx", "ALARM", "Threshold Crossed", java.time.Instant.parse("2026-11-20T08:00:00Z"));
    }

    @AfterAll
    static void stop() {
        aws.stub.heal();
        aws.close();
    }

    @Test
    void whenAwsStallsBeyondTheClientsTimeoutThePageAnswersWithinASecondWithTheLastGoodData() {
        JsonNode good = aws.settled("/api/v1/services/billing-api/metrics?range=1h");
        aws.settled("/api/v1/services/billing-api/health");
        aws.clock.advance(Duration.ofMinutes(2));
        aws.stub.failAlways(AwsStub.GET_METRIC_DATA, new AwsStub.Fault.Delay(60_000));
        aws.stub.failAlways(AwsStub.DESCRIBE_ALARMS, new AwsStub.Fault.Delay(60_000));

        long started = System.nanoTime();
        HttpResponse<String> page = aws.portal.get("/services/billing-api/health?range=1h");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2 min ago").contains("billing-api-prod-api-5xx").contains("still loading");

        JsonNode stale = aws.failed("/api/v1/services/billing-api/metrics?range=1h");
        assertThat(stale.get("problem").asText()).isEqualTo("AWS did not answer within 2000 ms");
        assertThat(stale.get("ageSeconds").asLong()).isEqualTo(120);
        JsonNode was = good.get("charts").get(0).get("series").get(0).get("values");
        JsonNode now = stale.get("charts").get(0).get("series").get(0).get("values");
        assertThat(now.get(0)).isEqualTo(was.get(2));
        assertThat(now.get(58).isNull()).isTrue();
        assertThat(aws.failed("/api/v1/services/billing-api/health").get("state").asText()).isEqualTo("ALARM");

        started = System.nanoTime();
        String again = aws.portal.get("/services/billing-api/health?range=1h").body();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(again).contains("could not be refreshed: AWS did not answer within 2000 ms");
    }
}
