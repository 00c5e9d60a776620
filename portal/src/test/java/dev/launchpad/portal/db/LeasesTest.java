package dev.launchpad.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.portal.config.PortalConfig;
import dev.launchpad.portal.health.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Leases on the migrated schema of both databases the portal runs on. */
class LeasesTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    @TempDir
    Path data;
    Database database;
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private Leases leases(String database, String holder) {
        if (this.database == null) {
            Map<String, String> env = database.equals("PostgreSQL")
                    ? Map.of("LAUNCHPAD_DB_URL", PostgresCluster.shared().createDatabase(), "LAUNCHPAD_DB_USER", PostgresCluster.USER)
                    : Map.of("LAUNCHPAD_DB_URL", "jdbc:h2:mem:leases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            Map<String, String> all = new java.util.HashMap<>(env);
            all.put("LAUNCHPAD_DATA_DIR", data.toString());
            this.database = Database.open(PortalConfig.fromEnv(all));
        }
        return new Leases(this.database.jdbc(), clock, holder);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aFreeLeaseIsGrantedAndItsHolderRenewsIt(String db) {
        Leases a = leases(db, "a");

        assertThat(a.tryAcquire("job", TTL)).isTrue();
        clock.advance(Duration.ofSeconds(9));
        assertThat(a.tryAcquire("job", TTL)).isTrue();

        assertThat(a.holderOf("job")).contains("a");
        assertThat(a.granted("job")).isEqualTo(2);
        assertThat(database.jdbc().one("select expires_at from leases where name = 'job'", rs -> Jdbc.instant(rs, "expires_at")))
                .contains(clock.instant().plus(TTL));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void anotherHolderIsRefusedWhileTheLeaseIsRenewedAndTakesItOverOnceItExpires(String db) {
        Leases a = leases(db, "a");
        Leases b = leases(db, "b");
        assertThat(a.tryAcquire("job", TTL)).isTrue();

        assertThat(b.tryAcquire("job", TTL)).isFalse();
        clock.advance(Duration.ofSeconds(9));
        assertThat(b.tryAcquire("job", TTL)).isFalse();
        assertThat(a.tryAcquire("job", TTL)).isTrue();
        clock.advance(Duration.ofSeconds(9));
        assertThat(b.tryAcquire("job", TTL)).as("renewed at 9 s, so held until 19 s").isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(b.tryAcquire("job", TTL)).as("expired at 19 s").isTrue();
        assertThat(a.tryAcquire("job", TTL)).isFalse();
        assertThat(b.holderOf("job")).contains("b");
        assertThat(b.granted("job")).isEqualTo(1);
        assertThat(a.granted("job")).isEqualTo(2);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void leasesOfDifferentJobsAreIndependent(String db) {
        Leases a = leases(db, "a");
        Leases b = leases(db, "b");

        assertThat(a.tryAcquire("health", TTL)).isTrue();
        assertThat(b.tryAcquire("cost", TTL)).isTrue();

        assertThat(a.tryAcquire("cost", TTL)).isFalse();
        assertThat(b.tryAcquire("health", TTL)).isFalse();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void holdersRacingForAFreeOrAnExpiredLeaseLeaveExactlyOneWinner(String db) throws Exception {
        int holders = 6;
        List<Leases> racers = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            racers.add(leases(db, "holder-" + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(holders);
        try {
            for (int round = 0; round < 20; round++) {
                String job = "job-" + (round / 2);
                if (round % 2 == 1) {
                    clock.advance(TTL); // the odd rounds race for the lease the even round's winner let expire
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> tries = new ArrayList<>();
                for (Leases racer : racers) {
                    tries.add(threads.submit(() -> {
                        go.await();
                        return racer.tryAcquire(job, TTL);
                    }));
                }
                go.countDown();
                List<String> winners = new ArrayList<>();
                for (int i = 0; i < holders; i++) {
                    if (tries.get(i).get()) {
                        winners.add(racers.get(i).holder());
                    }
                }

                assertThat(winners).as("round %d (%s)", round, job).hasSize(1);
                assertThat(racers.getFirst().holderOf(job)).contains(winners.getFirst());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
