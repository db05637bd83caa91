package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.ProcessEngine;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.TestSocketUtils;

/**
 * Guarantee: while coordinators complete tasks, the PostgreSQL server stops for a while and starts again; the
 * service recovers by itself, health shows the outage, every acknowledged completion is kept, every refused one
 * was told so (503, try again) and changed nothing, and no process is left half-moved.
 */
@Tag("resilience")
@Order(Integer.MAX_VALUE)
class DatabaseRestartTest {

    private static final int COMMITMENTS = 120;
    // health notices after the connection timeout (10 s); then it must stay down: an outage of about 16 s
    private static final Duration STAYS_DOWN = Duration.ofSeconds(6);

    private static final String NOTHING_CHANGED = "nothing was changed";
    private static final String MAY_HAVE_CHANGED = "may or may not have been saved";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theServiceRidesOutADatabaseRestart() throws Exception {
        try (var database = SharedPostgres.ownServer(); var service = start(database)) {
            int port = InProcessService.port(service);
            var engine = service.getBean(ProcessEngine.class);
            var jdbc = service.getBean(JdbcClient.class);
            var instances = register(service.getBean(CommitmentRegistry.class), engine);
            var open = new ConcurrentLinkedQueue<>(engine.getTaskService().createTaskQuery()
                    .processInstanceIdIn(instances.toArray(String[]::new)).taskDefinitionKey("Task_PlanAction")
                    .list().stream().map(task -> task.getId()).toList());
            var answers = new ConcurrentHashMap<String, HttpResponse<String>>();
            var health = new CopyOnWriteArrayList<Integer>();
            var running = new AtomicBoolean(true);
            var coordinator = new EngineRest(path -> URI.create("http://localhost:" + port + path), "sreCoordinator", "demo");
            var load = Executors.newFixedThreadPool(5);
            for (int i = 0; i < 4; i++) {
                load.submit(() -> {
                    for (String taskId = open.poll(); taskId != null && running.get(); taskId = open.poll()) {
                        answers.put(taskId, coordinator.complete(taskId, Map.of("plan", "A plan",
                                "plannedCompletion", "2025-06-30")));
                    }
                    return null;
                });
            }
            load.submit(() -> {
                while (running.get()) {
                    health.add(status(URI.create("http://localhost:" + port + "/actuator/health")));
                }
                return null;
            });

            await().atMost(Duration.ofMinutes(1)).until(() -> succeeded(answers) >= 10);
            database.stop();
            long stopped = System.nanoTime();
            await("health goes down").atMost(Duration.ofSeconds(30)).until(() -> last(health) == 503);
            await("and stays down while the database is").during(STAYS_DOWN).atMost(STAYS_DOWN.plusSeconds(15))
                    .until(() -> last(health) == 503);
            long beforeRestart = succeeded(answers);
            database.start();
            System.out.printf("DBRESTART the database was down for %d s%n",
                    Duration.ofNanos(System.nanoTime() - stopped).toSeconds());
            await("health up again").atMost(Duration.ofMinutes(1)).until(() -> last(health) == 200);
            await("completions go on").atMost(Duration.ofMinutes(1)).until(() -> succeeded(answers) >= beforeRestart + 10);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            System.out.printf("DBRESTART %d completions acknowledged, %d refused, health answers %s%n",
                    succeeded(answers), answers.size() - succeeded(answers), health.stream().distinct().toList());
            var refused = answers.entrySet().stream().filter(answer -> answer.getValue().statusCode() != 204)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(refused).as("some completions met the outage").isNotEmpty();
            assertThat(refused.values()).as("each refusal says the database is away: " + refused.values().stream()
                    .map(HttpResponse::body).distinct().toList()).allSatisfy(answer -> {
                        assertThat(answer.statusCode()).isEqualTo(503);
                        assertThat(answer.body()).containsAnyOf(NOTHING_CHANGED, MAY_HAVE_CHANGED);
                    });
            var acknowledged = answers.entrySet().stream().filter(entry -> entry.getValue().statusCode() == 204)
                    .map(Map.Entry::getKey).toList();
            List<String> completed = jdbc.sql("""
                            SELECT id_ FROM act_hi_taskinst WHERE id_ IN (:ids) AND delete_reason_ = 'completed'""")
                    .param("ids", answers.keySet()).query(String.class).list();
            assertThat(completed).as("every acknowledged completion is kept").containsAll(acknowledged);
            assertThat(completed.stream().filter(refused::containsKey).map(refused::get).map(HttpResponse::body))
                    .as("a refused completion that was saved after all was told it may have been")
                    .allSatisfy(body -> assertThat(body).contains(MAY_HAVE_CHANGED));
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM commitment_history h JOIN commitment c ON c.id = h.commitment_id
                            WHERE c.code LIKE 'DBRESTART-%' AND h.action = 'task-completed'""").query(Long.class).single())
                    .as("each saved completion recorded once, nothing else").isEqualTo(completed.size());
            for (String instance : instances) {
                var tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance).list();
                assertThat(tasks).as("one step at a time in " + instance).hasSize(1);
            }
            assertThat(engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
                    .taskDefinitionKey("Task_ImplementAction").count())
                    .as("moved on exactly where a completion was saved").isEqualTo(completed.size());
        }
    }

    private static int last(List<Integer> statuses) {
        return statuses.isEmpty() ? -1 : statuses.get(statuses.size() - 1);
    }

    private static long succeeded(Map<String, HttpResponse<String>> answers) {
        return answers.values().stream().filter(answer -> answer.statusCode() == 204).count();
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static List<String> register(CommitmentRegistry registry, ProcessEngine engine) {
        var instances = new ArrayList<String>();
        for (int i = 0; i < COMMITMENTS; i++) {
            instances.add(registry.register(new NewCommitment("DBRESTART-" + i, "MX-US-2024-01-19",
                    "Outage trial " + i, null, "agreed-action", Map.of("MX", "sre", "US", "state"), List.of(),
                    LocalDate.now().plusMonths(6), null, false, "normal",
                    new NewCommitment.Provenance("test", "A sentence that established it.", "en")),
                    new Actor("test", "api")));
        }
        return instances;
    }

    private static ConfigurableApplicationContext start(SharedPostgres database) {
        return InProcessService.start("default", Map.of(
                "compromiso.embedded.postgres.enabled", "false",
                "compromiso.embedded.mail.smtp-port", String.valueOf(TestSocketUtils.findAvailableTcpPort()),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", "", "spring.datasource.password", ""));
    }
}
