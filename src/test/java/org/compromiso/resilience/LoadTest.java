package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.compromiso.TestDatabase;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.compromiso.workflow.TaskForms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guarantee: 20 coordinators completing tasks and 5 leadership readers for a minute get no error, no deadlock
 * and no lost update: every completion is answered 204 or, when two reached one task at once, 409, and every
 * 204 is in the history once.
 */
@Tag("resilience")
class LoadTest {

    private static final Duration DURATION = Duration.ofMinutes(1);
    private static final List<String> AGENCIES = List.of("sre", "state", "segobinm", "dhs", "sedena", "cbp", "semar",
            "gsa", "sspc", "nsc");
    private static final int COORDINATORS = 20;
    private static final int READERS = 5;

    private final TestDatabase database = TestDatabase.durable();

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void coordinatorsAndReadersForAMinuteLoseNothing() throws Exception {
        try (var service = start()) {
            int port = InProcessService.port(service);
            var engine = service.getBean(ProcessEngine.class);
            var forms = service.getBean(TaskForms.class);
            var jdbc = service.getBean(JdbcClient.class);
            register(service.getBean(CommitmentRegistry.class));
            var coordinators = coordinators(engine);

            var completed = new AtomicInteger();
            var conflicts = new AtomicInteger();
            var errors = new CopyOnWriteArrayList<String>();
            var reads = new AtomicInteger();
            var acknowledged = ConcurrentHashMap.<String>newKeySet();
            long end = System.nanoTime() + DURATION.toNanos();
            var pool = Executors.newFixedThreadPool(COORDINATORS + READERS);
            var workers = new ArrayList<Future<Object>>();
            for (int i = 0; i < COORDINATORS; i++) {
                String user = coordinators.get(i);
                String agency = AGENCIES.get(i % AGENCIES.size());
                var rest = new EngineRest(path -> URI.create("http://localhost:" + port + path), user, "demo");
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        var open = engine.getTaskService().createTaskQuery().taskCandidateGroup(agency)
                                .processInstanceBusinessKeyLike("LOAD-%").listPage(0, 20);
                        if (open.isEmpty()) {
                            break;
                        }
                        var task = open.get(ThreadLocalRandom.current().nextInt(open.size()));
                        var values = forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
                                .map(FormValues::filling).orElse(Map.of());
                        try {
                            var answer = rest.complete(task.getId(), values);
                            switch (answer.statusCode()) {
                                case 204 -> {
                                    completed.incrementAndGet();
                                    acknowledged.add(task.getId());
                                }
                                case 409 -> conflicts.incrementAndGet();
                                default -> errors.add(answer.statusCode() + " " + answer.body());
                            }
                        } catch (IOException e) {
                            errors.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < READERS; i++) {
                var reader = new EngineRest(path -> URI.create("http://localhost:" + port + path), "leadershipReader", "demo");
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        var answer = reader.get("/reports/status.json");
                        if (answer.statusCode() == 200) {
                            reads.incrementAndGet();
                        } else {
                            errors.add("report " + answer.statusCode() + " " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(DURATION.plusMinutes(2).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            // a worker that died of an exception (a query that failed, an assertion) fails the test with its cause
            for (var worker : workers) {
                worker.get();
            }

            System.out.printf("LOAD %d completions, %d conflicts, %d report reads in %s%n", completed.get(),
                    conflicts.get(), reads.get(), DURATION);
            assertThat(errors).as("no error, no deadlock").isEmpty();
            assertThat(completed.get()).isGreaterThan(100);
            assertThat(reads.get()).isGreaterThan(10);
            assertThat(jdbc.sql("SELECT count(*) FROM act_hi_taskinst WHERE id_ IN (:ids) AND end_time_ IS NOT NULL "
                    + "AND delete_reason_ = 'completed'").param("ids", acknowledged).query(Long.class).single())
                    .as("every acknowledged completion is kept").isEqualTo(acknowledged.size());
            var completedByStep = jdbc.sql("""
                            SELECT step || '=' || n FROM (SELECT task_def_key_ AS step, count(*) AS n
                                FROM act_hi_taskinst WHERE id_ IN (:ids) GROUP BY 1) AS completed ORDER BY 1""").param("ids", acknowledged).query(String.class).list();
            var recordedByStep = jdbc.sql("""
                            SELECT step || '=' || n FROM (
                                SELECT h.detail ->> 'task' AS step, count(*) AS n FROM commitment_history h
                                JOIN commitment c ON c.id = h.commitment_id
                                WHERE c.code LIKE 'LOAD-%' AND h.action = 'task-completed' GROUP BY 1) AS recorded
                            ORDER BY 1""")
                    .query(String.class).list();
            var unrecorded = jdbc.sql("""
                            SELECT t.id_ || ' ' || t.task_def_key_ || ' of ' || p.business_key_ || ': ' || (
                                SELECT string_agg(h.action || coalesce('/' || (h.detail ->> 'taskId'), ''), ', ' ORDER BY h.id)
                                FROM commitment_history h JOIN commitment c ON c.id = h.commitment_id
                                WHERE c.code = p.business_key_)
                            FROM act_hi_taskinst t JOIN act_hi_procinst p ON p.id_ = t.proc_inst_id_
                            WHERE t.id_ IN (:ids) AND NOT EXISTS (SELECT 1 FROM commitment_history h
                                WHERE h.action = 'task-completed' AND h.detail ->> 'taskId' = t.id_) LIMIT 5""")
                    .param("ids", acknowledged).query(String.class).list();
            assertThat(recordedByStep).as("and recorded once: no lost and no doubled update; unrecorded: " + unrecorded)
                    .isEqualTo(completedByStep);
        }
    }

    private static void register(CommitmentRegistry registry) {
        for (int i = 0; i < 300; i++) {
            String mexican = AGENCIES.get(2 * (i % 5));
            String american = AGENCIES.get(2 * (i % 5) + 1);
            registry.register(new NewCommitment("LOAD-" + i, "MX-US-2024-01-19", "Load trial " + i, null,
                    "agreed-action", Map.of("MX", mexican, "US", american), List.of(), LocalDate.now().plusMonths(6),
                    null, false, "normal", new NewCommitment.Provenance("test", "A sentence.", "en")),
                    new Actor("test", "api"));
        }
    }

    /** Two coordinators per agency: the demo's own and a colleague. */
    private static List<String> coordinators(ProcessEngine engine) {
        var identity = engine.getIdentityService();
        var users = new ArrayList<String>();
        for (int i = 0; i < COORDINATORS; i++) {
            String agency = AGENCIES.get(i % AGENCIES.size());
            String id = i < AGENCIES.size() ? agency + "Coordinator" : agency + "Colleague";
            if (identity.createUserQuery().userId(id).count() == 0) {
                var user = identity.newUser(id);
                user.setPassword("demo");
                user.setEmail(id.toLowerCase() + "@compromiso.example");
                identity.saveUser(user);
                identity.createMembership(id, agency);
            }
            users.add(id);
        }
        return users;
    }

    private ConfigurableApplicationContext start() {
        return InProcessService.start("default", database.properties());
    }
}
