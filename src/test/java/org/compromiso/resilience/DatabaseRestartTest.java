package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

/**
 * Guarantee: while coordinators complete tasks, the PostgreSQL server stops for a while and starts again; the
 * service recovers by itself, health shows the outage, every acknowledged completion is kept, every refused one
 * was told so (503, try again) and changed nothing, and no process is left half-moved.
 */
@Tag("resilience")
class DatabaseRestartTest {

    private static final int COMMITMENTS = 120;
    // health notices after the connection timeout (10 s); then it must stay down: an outage of about 16 s
    private static final Duration STAYS_DOWN = Duration.ofSeconds(6);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theServiceRidesOutADatabaseRestart() throws Exception {
        try (var database = SharedPostgres.ownServer(); var service = start(database)) {
            int port = InProcessService.port(service);
            var completions = PlanCompletions.register(service, "DBRESTART", COMMITMENTS);
            var health = new CopyOnWriteArrayList<Integer>();
            var running = new AtomicBoolean(true);
            var coordinator = new EngineRest(path -> URI.create("http://localhost:" + port + path), "sreCoordinator", "demo");
            var load = Executors.newFixedThreadPool(5);
            var threads = new ArrayList<Future<?>>();
            for (int i = 0; i < 4; i++) {
                threads.add(load.submit(completions.coordinator(coordinator, running::get)));
            }
            threads.add(load.submit(() -> {
                while (running.get()) {
                    health.add(status(URI.create("http://localhost:" + port + "/actuator/health")));
                }
                return null;
            }));

            await().atMost(Duration.ofMinutes(1)).until(() -> completions.acknowledged() >= 10);
            database.stop();
            long stopped = System.nanoTime();
            await("health goes down").atMost(Duration.ofSeconds(30)).until(() -> last(health) == 503);
            await("and stays down while the database is").during(STAYS_DOWN).atMost(STAYS_DOWN.plusSeconds(15))
                    .until(() -> last(health) == 503);
            long beforeRestart = completions.acknowledged();
            database.start();
            System.out.printf("DBRESTART the database was down for %d s%n",
                    Duration.ofNanos(System.nanoTime() - stopped).toSeconds());
            await("health up again").atMost(Duration.ofMinutes(1)).until(() -> last(health) == 200);
            await("completions go on").atMost(Duration.ofMinutes(1))
                    .until(() -> completions.acknowledged() >= beforeRestart + 10);
            running.set(false);
            for (var thread : threads) {
                thread.get(1, TimeUnit.MINUTES);
            }
            load.shutdown();

            System.out.printf("DBRESTART %d completions acknowledged, %d refused, health answers %s%n",
                    completions.acknowledged(), completions.refused(), health.stream().distinct().toList());
            assertThat(completions.refused()).as("some completions met the outage").isPositive();
            completions.verify();
        }
    }

    private static int last(List<Integer> statuses) {
        return statuses.isEmpty() ? -1 : statuses.get(statuses.size() - 1);
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static ConfigurableApplicationContext start(SharedPostgres database) {
        return InProcessService.start("default", Map.of(
                "compromiso.embedded.postgres.enabled", "false",
                "compromiso.embedded.mail.smtp-port", String.valueOf(TestSocketUtils.findAvailableTcpPort()),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", "", "spring.datasource.password", ""));
    }
}
