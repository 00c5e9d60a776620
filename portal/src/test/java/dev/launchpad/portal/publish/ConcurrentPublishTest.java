package dev.launchpad.portal.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentPublishTest {

    @TempDir
    Path data;

    @Test
    void twentySimultaneousRequestsForOneNameGiveOneServiceAndNineteenConflicts() throws Exception {
        try (TestPortal portal = TestPortal.start(data)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(portal.url() + "/api/v1/services")).header("Authorization", "Bearer " + TestPortal.ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Specs.minimal("contested"))).build();
            CountDownLatch go = new CountDownLatch(1);

            List<CompletableFuture<Integer>> responses = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                            return TestPortal.http().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, r -> Thread.ofVirtual().start(r)))
                    .toList();
            go.countDown();

            Map<Integer, Long> byStatus = responses.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 19L));
            try (Stream<Path> repos = Files.list(data.resolve("git/payments"))) {
                assertThat(repos.map(p -> p.getFileName().toString())).containsExactly("contested.git");
            }
            assertThat(portal.get("/api/v1/services?team=payments").body()).startsWith("{\"count\":1,");
        }
    }
}
