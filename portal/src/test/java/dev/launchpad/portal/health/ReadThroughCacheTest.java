package dev.launchpad.portal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadThroughCacheTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    final ExecutorService loads = Executors.newVirtualThreadPerTaskExecutor();
    final ReadThroughCache<String> cache = new ReadThroughCache<>(loads, clock, Duration.ofSeconds(30), Throwable::getMessage);
    final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        loads.shutdownNow();
    }

    ReadThroughCache.BatchLoader<String> loader(String version) {
        return keys -> {
            calls.incrementAndGet();
            return keys.stream().collect(Collectors.toMap(k -> k, k -> k + "@" + version));
        };
    }

    @Test
    void aKeyIsLoadedOncePerBucketAndThenServedFromTheCache() {
        var first = cache.get(List.of("a", "b"), 1, loader("v1"), Duration.ofSeconds(1));
        var again = cache.get(List.of("a", "b"), 1, loader("v2"), Duration.ofSeconds(1));
        var next = cache.get(List.of("a"), 2, loader("v3"), Duration.ofSeconds(1));

        assertThat(first.get("a")).isEqualTo(Reading.fresh("a@v1", clock.instant()));
        assertThat(again.get("b").value()).isEqualTo("b@v1");
        assertThat(next.get("a").value()).isEqualTo("a@v3");
        assertThat(calls).hasValue(2);
    }

    @Test
    void concurrentViewersOfTheSameKeysShareOneLoad() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ReadThroughCache.BatchLoader<String> slow = keys -> {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return keys.stream().collect(Collectors.toMap(k -> k, k -> k));
        };
        ExecutorService viewers = Executors.newFixedThreadPool(20);
        List<Future<Map<String, Reading<String>>>> views = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            views.add(viewers.submit(() -> cache.get(List.of("x", "y"), 1, slow, Duration.ofSeconds(5))));
        }
        Thread.sleep(200);
        release.countDown();

        for (var view : views) {
            assertThat(view.get().get("x").fresh()).isTrue();
        }
        assertThat(calls).hasValue(1);
        viewers.shutdown();
    }

    @Test
    void whenALoadFailsTheLastGoodValueIsServedWithItsAgeAndTheReason() {
        Instant firstRead = clock.instant();
        cache.get(List.of("a"), 1, loader("v1"), Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(2));

        Reading<String> stale = cache.get(List.of("a"), 3, keys -> {
            throw new IllegalStateException("AWS throttled the request (Throttling)");
        }, Duration.ofSeconds(1)).get("a");

        assertThat(stale.value()).isEqualTo("a@v1");
        assertThat(stale.fresh()).isFalse();
        assertThat(stale.readAt()).isEqualTo(firstRead);
        assertThat(stale.age(clock.instant())).isEqualTo(Duration.ofMinutes(2));
        assertThat(stale.problem()).isEqualTo("AWS throttled the request (Throttling)");
    }

    @Test
    void afterAFailureTheSourceIsLeftAloneForAWhile() {
        ReadThroughCache.BatchLoader<String> failing = keys -> {
            calls.incrementAndGet();
            throw new IllegalStateException("down");
        };
        cache.get(List.of("a"), 1, failing, Duration.ofSeconds(1));
        cache.get(List.of("a"), 1, failing, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(10));
        cache.get(List.of("a"), 1, failing, Duration.ofSeconds(1));
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.get(List.of("a"), 1, loader("v2"), Duration.ofSeconds(1)).get("a").value()).isEqualTo("a@v2");
    }

    @Test
    void aCallerStopsWaitingAfterItsWaitAndTheLoadStillFillsTheCache() throws Exception {
        cache.get(List.of("a"), 1, loader("v1"), Duration.ofSeconds(1));
        CountDownLatch release = new CountDownLatch(1);
        ReadThroughCache.BatchLoader<String> hung = keys -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return keys.stream().collect(Collectors.toMap(k -> k, k -> k + "@v2"));
        };

        long started = System.nanoTime();
        Reading<String> meanwhile = cache.get(List.of("a"), 2, hung, Duration.ofMillis(200)).get("a");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
        assertThat(meanwhile.value()).isEqualTo("a@v1");
        assertThat(meanwhile.problem()).isEqualTo("still loading");

        release.countDown();
        Thread.sleep(100);
        assertThat(cache.get(List.of("a"), 2, loader("v3"), Duration.ofSeconds(1)).get("a").value()).isEqualTo("a@v2");
    }

    @Test
    void aKeyLeftOutOfTheAnswerCountsAsFailed() {
        Reading<String> missing = cache.get(List.of("a", "b"), 1, keys -> Map.of("a", "a"), Duration.ofSeconds(1)).get("b");

        assertThat(missing.present()).isFalse();
        assertThat(missing.problem()).isEqualTo("no data came back for this metric");
    }
}
