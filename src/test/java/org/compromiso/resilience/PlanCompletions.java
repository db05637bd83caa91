package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Commitments of a fault test's own whose first step (SRE's {@code Task_PlanAction}) coordinators complete over
 * HTTP while the database fails, and what must hold afterwards: every completion answered 204 is kept and recorded
 * once in the commitment's history, every refusal is a 503 that says whether anything may have been saved, and no
 * process is left half-moved.
 */
final class PlanCompletions {

    static final String NOTHING_CHANGED = "nothing was changed";
    static final String MAY_HAVE_CHANGED = "may or may not have been saved";

    private final String prefix;
    private final ProcessEngine engine;
    private final JdbcClient jdbc;
    private final List<String> instances;
    private final Queue<String> open;
    private final Map<String, HttpResponse<String>> answers = new ConcurrentHashMap<>();

    private PlanCompletions(String prefix, ProcessEngine engine, JdbcClient jdbc, List<String> instances) {
        this.prefix = prefix;
        this.engine = engine;
        this.jdbc = jdbc;
        this.instances = instances;
        this.open = new ConcurrentLinkedQueue<>(engine.getTaskService().createTaskQuery()
                .processInstanceIdIn(instances.toArray(String[]::new)).taskDefinitionKey("Task_PlanAction").list()
                .stream().map(Task::getId).toList());
    }

    /** Registers {@code count} agreed actions coded {@code prefix-n} on this service, each waiting for its plan. */
    static PlanCompletions register(ConfigurableApplicationContext service, String prefix, int count) {
        var registry = service.getBean(CommitmentRegistry.class);
        var instances = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            instances.add(registry.register(new NewCommitment(prefix + "-" + i, "MX-US-2024-01-19",
                    "Fault trial " + i, null, "agreed-action", Map.of("MX", "sre", "US", "state"), List.of(),
                    LocalDate.now().plusMonths(6), null, false, "normal",
                    new NewCommitment.Provenance("test", "A sentence that established it.", "en")),
                    new Actor("test", "api")));
        }
        return new PlanCompletions(prefix, service.getBean(ProcessEngine.class), service.getBean(JdbcClient.class),
                instances);
    }

    /** A coordinator completing the open tasks one after the other, until none is left or it is told to stop. */
    Callable<Void> coordinator(EngineRest rest, BooleanSupplier going) {
        return () -> {
            for (String taskId = open.poll(); taskId != null && going.getAsBoolean(); taskId = open.poll()) {
                answers.put(taskId, rest.complete(taskId, Map.of("plan", "A plan", "plannedCompletion", "2025-06-30")));
            }
            return null;
        };
    }

    long acknowledged() {
        return answers.values().stream().filter(answer -> answer.statusCode() == 204).count();
    }

    long refused() {
        return answers.size() - acknowledged();
    }

    boolean anyOpen() {
        return !open.isEmpty();
    }

    void verify() {
        var refused = answers.entrySet().stream().filter(answer -> answer.getValue().statusCode() != 204)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(refused.values()).as("each refusal says the database is away: " + refused.values().stream()
                .map(HttpResponse::body).distinct().toList()).allSatisfy(answer -> {
                    assertThat(answer.statusCode()).isEqualTo(503);
                    assertThat(answer.body()).containsAnyOf(NOTHING_CHANGED, MAY_HAVE_CHANGED);
                });
        Set<String> completed = jdbc.sql("""
                        SELECT id_ FROM public.act_hi_taskinst WHERE id_ IN (:ids) AND delete_reason_ = 'completed'""")
                .param("ids", answers.keySet()).query(String.class).set();
        assertThat(completed).as("every acknowledged completion is kept")
                .containsAll(answers.keySet().stream().filter(task -> !refused.containsKey(task)).toList());
        assertThat(completed.stream().filter(refused::containsKey).map(refused::get).map(HttpResponse::body))
                .as("a refused completion that was saved after all was told it may have been")
                .allSatisfy(body -> assertThat(body).contains(MAY_HAVE_CHANGED));
        Map<String, Long> recorded = jdbc.sql("""
                        SELECT h.detail ->> 'taskId' AS task, count(*) AS times
                        FROM compromiso.commitment_history h JOIN compromiso.commitment c ON c.id = h.commitment_id
                        WHERE c.code LIKE :codes AND h.action = 'task-completed' GROUP BY 1""")
                .param("codes", prefix + "-%")
                .query((rs, row) -> Map.entry(rs.getString("task"), rs.getLong("times"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(recorded).as("each saved completion recorded once in the commitment's history, nothing else")
                .isEqualTo(completed.stream().collect(Collectors.toMap(task -> task, task -> 1L)));
        for (String instance : instances) {
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).count())
                    .as("one step at a time in " + instance).isEqualTo(1);
        }
        assertThat(engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .taskDefinitionKey("Task_ImplementAction").count())
                .as("moved on exactly where a completion was saved").isEqualTo(completed.size());
    }
}
