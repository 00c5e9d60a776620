package dev.launchpad.portal.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.aws.AwsSettings;
import dev.launchpad.portal.aws.AwsStub;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A real portal whose AWS is a local stub: production account {@code 111122223333} in {@code eu-west-1} for
 * the prod environment, fake credentials, a clock the test moves, no background refresh.
 */
final class StubbedPortal implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    final AwsStub stub;
    final MutableClock clock;
    final TestPortal portal;

    private StubbedPortal(AwsStub stub, MutableClock clock, TestPortal portal) {
        this.stub = stub;
        this.clock = clock;
        this.portal = portal;
    }

    static StubbedPortal start(Path data, Duration pageWait, Duration awsTimeout) {
        // the SDK's default chain takes these first: tests never reach for real credentials
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "fake-secret-for-the-stub");
        AwsStub stub = AwsStub.start();
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS));
        List<String> problems = new ArrayList<>();
        AwsSettings aws = AwsSettings.parse("prod=" + ACCOUNT + ":" + REGION, null, stub.endpoint().toString(),
                Long.toString(awsTimeout.toMillis()), problems);
        assertThat(problems).isEmpty();
        TestPortal portal = TestPortal.start(TestPortal.config(data, c -> c.withAws(aws)
                .withHealth(new HealthSettings(pageWait, Duration.ZERO))), clock);
        return new StubbedPortal(stub, clock, portal);
    }

    /** Publishes a spec through the API. */
    void publish(String spec) {
        HttpResponse<String> response = portal.postJson("/api/v1/services", spec);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Moves into fresh cache buckets and forgets what the stub saw and was told to do. */
    void nextHour() {
        clock.advance(Duration.ofHours(1));
        stub.heal();
        stub.reset();
    }

    JsonNode json(String path) {
        HttpResponse<String> response = portal.get(path, "Accept", "application/json");
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Asks until the answer is {@code done}: loads run behind the page, which waits only so long. */
    JsonNode until(String path, java.util.function.Predicate<JsonNode> done) {
        long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = json(path);
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(path + " never settled: " + last);
    }

    /** The answer once everything in it was read in the current bucket. */
    JsonNode settled(String path) {
        return until(path, j -> j.path("fresh").asBoolean());
    }

    /** The answer once a failed read has been given up on (no longer "still loading"). */
    JsonNode failed(String path) {
        return until(path, j -> j.has("problem") && !j.get("problem").asText().equals("still loading"));
    }

    /** What the tagging API holds for a stack built from the generated Terraform's names. */
    static List<String> stack(String service, String env, List<String> functions, List<String> tables, String... more) {
        String p = service + "-" + env + "-";
        List<String> arns = new ArrayList<>();
        functions.forEach(f -> arns.add("arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + p + f));
        tables.forEach(t -> arns.add("arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + p + t));
        arns.add("arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/1234abcd");
        arns.add("arn:aws:iam::" + ACCOUNT + ":role/" + p + "users");
        arns.add("arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:/aws/lambda/" + p + "users");
        arns.addAll(List.of(more));
        return arns;
    }

    static String httpApi(String id) {
        return "arn:aws:apigateway:" + REGION + "::/apis/" + id;
    }

    @Override
    public void close() {
        portal.close();
        stub.close();
    }
}
