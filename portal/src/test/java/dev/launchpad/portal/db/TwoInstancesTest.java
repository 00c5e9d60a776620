package dev.launchpad.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.aws.AwsSettings;
import dev.launchpad.portal.aws.AwsStub;
import dev.launchpad.portal.config.PortalConfig;
import dev.launchpad.portal.cost.CostRefresher;
import dev.launchpad.portal.cost.CostSettings;
import dev.launchpad.portal.git.GitFacade;
import dev.launchpad.portal.health.HealthRefresher;
import dev.launchpad.portal.health.HealthSettings;
import dev.launchpad.portal.health.MutableClock;
import dev.launchpad.portal.publish.Recovery;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two portal instances as a load balancer would see them: one PostgreSQL database and one data directory.
 *
 * <p>The data directory is shared as a volume (EFS, NFS) would be in production, because the Git
 * repositories are files under it: the embedded Git server serves them, and with
 * {@code LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE} the service pages read the read-only copies kept there. Either
 * way every instance must see the same files; with PostgreSQL nothing else is kept on disk.
 *
 * <p>Both run their background refreshes every {@link #EVERY} on one clock that stands still, so which
 * instance holds a lease depends on who holds and releases it, never on how busy the machine is. A refresh
 * runs exactly when its lease is granted, so the grants count the runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final Duration EVERY = Duration.ofMillis(200);
    private static final List<String> JOBS = List.of(HealthRefresher.JOB, CostRefresher.JOB);

    @TempDir
    static Path data;
    @TempDir
    static Path work;
    static AwsStub aws;
    static MutableClock clock;
    static String database;
    static TestPortal a;
    static TestPortal b;

    @BeforeAll
    static void start() {
        database = PostgresCluster.shared().createDatabase();
        // the health refresh runs only against AWS, here a local stub with fake credentials
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "fake-secret-for-the-stub");
        aws = AwsStub.start();
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        a = TestPortal.start(config(database), clock);
        await("a holds both leases", () -> JOBS.stream().allMatch(job -> a.launchpad().leases().granted(job) > 0));
        b = TestPortal.start(config(database), clock);
    }

    private static PortalConfig config(String database) {
        List<String> problems = new ArrayList<>();
        AwsSettings stub = AwsSettings.parse("prod=111122223333:eu-west-1", null, aws.endpoint().toString(), "2000", problems);
        assertThat(problems).isEmpty();
        return TestPortal.config(data, Map.of("LAUNCHPAD_DB_URL", database, "LAUNCHPAD_DB_USER", PostgresCluster.USER))
                .withAws(stub)
                .withHealth(new HealthSettings(Duration.ofMillis(700), EVERY))
                .withCost(new CostSettings(CostSettings.Source.DEMO, null, null, CostSettings.DEFAULT_REFRESH, EVERY));
    }

    @AfterAll
    static void stop() {
        for (TestPortal portal : new TestPortal[] {b, a}) {
            if (portal != null) {
                portal.close();
            }
        }
        if (aws != null) {
            aws.close();
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    @Order(1)
    void aServicePublishedThroughOneInstanceIsInTheOthersApiCatalogAndGitServer() {
        HttpResponse<String> published = a.postJson("/api/v1/services", Specs.minimal("shared-orders"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);

        assertThat(b.get("/api/v1/services/shared-orders").statusCode()).isEqualTo(200);
        assertThat(b.get("/services").body()).contains("shared-orders");
        assertThat(b.get("/services/shared-orders?file=.launchpad/spec.json").body()).contains("shared-orders");
        TestPortal.gitAsAdmin(work, "clone", "--quiet", b.url() + "/git/payments/shared-orders.git", "from-b");
        assertThat(work.resolve("from-b/.launchpad/spec.json")).content().contains("shared-orders");
    }

    @Test
    @Order(2)
    void aSessionMadeBySigningInOnOneInstanceWorksOnTheOtherUntilItIsEndedThere() {
        HttpResponse<String> signedIn = a.anonymous().post("/signin", "application/x-www-form-urlencoded",
                "login=admin&password=" + URLEncoder.encode(TestPortal.ADMIN_PASSWORD, StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(CurrentUser.SESSION_COOKIE + "=")).findFirst().orElseThrow()
                .split(";")[0];

        HttpResponse<String> onB = b.get("/services", "Cookie", cookie);
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("shared-orders");

        HttpResponse<String> signedOut = b.post("/signout", "application/x-www-form-urlencoded",
                "_csrf=" + csrfToken(onB.body()), "Cookie", cookie);
        assertThat(signedOut.statusCode()).isEqualTo(303);
        HttpResponse<String> onA = a.get("/services", "Cookie", cookie);
        assertThat(onA.statusCode()).isEqualTo(302);
        assertThat(onA.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/signin"));
    }

    /**
     * A run in flight on a is left alone by an instance that starts meanwhile and by b's sweep, as long as a
     * holds its liveness lease. Once a is gone (its lease deleted, as if it had crashed and the lease expired),
     * the next sweep fails the run and removes its half-made repository, on one instance only.
     */
    @Test
    @Order(3)
    void aRunInFlightOnOneInstanceIsLeftAloneByTheOthersUntilItsInstanceIsGone() {
        Jdbc jdbc = new Jdbc(a.launchpad().dataSource());
        String owner = a.launchpad().config().instanceId();
        assertThat(jdbc.one("select instance_id from runs where service_name = 'shared-orders'", rs -> rs.getString(1)))
                .as("the run that published through a").contains(owner);
        jdbc.update("insert into runs (id, kind, service_name, team_id, spec_json, status, requested_by, started_at,"
                + " instance_id) values ('in-flight', 'publish', 'in-flight', 'payments', '{}', 'running', 'admin', ?, ?)",
                clock.instant(), owner);
        Path repository = data.resolve("git/payments/in-flight.git");
        new GitFacade().initBare(repository);

        try (TestPortal c = TestPortal.start(config(database), clock)) {
            assertThat(status(jdbc, "in-flight")).as("after c started").isEqualTo("running");
            assertThat(b.launchpad().liveness().sweep()).isEmpty();
            assertThat(status(jdbc, "in-flight")).as("after b swept").isEqualTo("running");
            assertThat(repository).exists();

            // a, still alive here, renews its lease every 10 s: delete it again until a sweep has seen it gone
            List<String> failed = new CopyOnWriteArrayList<>();
            await("b or c fails the run of a, gone", () -> {
                jdbc.update("delete from leases where name = ?", Recovery.livenessLease(owner));
                CompletableFuture<List<String>> onB = CompletableFuture.supplyAsync(() -> b.launchpad().liveness().sweep());
                CompletableFuture<List<String>> onC = CompletableFuture.supplyAsync(() -> c.launchpad().liveness().sweep());
                failed.addAll(onB.join());
                failed.addAll(onC.join());
                return status(jdbc, "in-flight").equals("failed");
            });
            assertThat(failed).as("sweeping at once, only one recovers the run").containsOnlyOnce("in-flight");
        }
        assertThat(repository).doesNotExist();
        assertThat(jdbc.one("select error from runs where id = 'in-flight'", rs -> rs.getString(1)))
                .hasValueSatisfying(e -> assertThat(e).contains("the portal stopped while this run was in progress"));
    }

    @Test
    @Order(4)
    void eachBackgroundRefreshRunsOnlyOnTheLeaseHolderAndMovesToTheOtherInstanceWhenItStops() {
        Leases onA = a.launchpad().leases();
        Leases onB = b.launchpad().leases();
        long[] before = JOBS.stream().mapToLong(onA::granted).toArray();
        await("a ran each refresh five more times", () -> JOBS.stream()
                .allMatch(job -> onA.granted(job) >= before[JOBS.indexOf(job)] + 5));

        for (String job : JOBS) {
            assertThat(onB.granted(job)).as(job + " on b").isZero();
            assertThat(onA.holderOf(job)).as(job).contains(onA.holder());
        }

        // a stops cleanly and releases its leases: b takes them over though the clock stands still
        String gone = Recovery.livenessLease(a.launchpad().config().instanceId());
        a.close();
        a = null;
        assertThat(onB.holderOf(gone)).isEmpty();
        await("b took both leases over", () -> JOBS.stream().allMatch(job -> onB.granted(job) > 0));
        for (String job : JOBS) {
            assertThat(onB.holderOf(job)).as(job).contains(onB.holder());
        }
    }

    private static String status(Jdbc jdbc, String runId) {
        return jdbc.one("select status from runs where id = ?", rs -> rs.getString(1), runId).orElseThrow();
    }

    private static String csrfToken(String page) {
        Matcher m = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">").matcher(page);
        assertThat(m.find()).as("the page carries the form token").isTrue();
        return m.group(1);
    }

    private static void await(String what, BooleanSupplier done) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
