package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guarantee: two nodes against one PostgreSQL, both with the job executor on, send each reminder exactly once
 * and share the work; two completions of one task at the same moment give one success and one clear conflict.
 */
@Tag("resilience")
class TwoNodesTest {

    private static final int REMINDERS = 500;

    @RegisterExtension
    static FaultServers servers = new FaultServers();

    @Test
    void eachReminderIsSentOnceAndBothNodesShareTheWork() throws Exception {
        try (var first = node("node-a"); var second = node("node-b")) {
            var rests = List.of(EngineRest.of(first, "admin"), EngineRest.of(second, "admin"));
            rests.get(0).deployTrial();
            Instant due = Instant.now().plusSeconds(75);
            var pool = Executors.newFixedThreadPool(8);
            var starts = new ArrayList<Future<?>>();
            for (int i = 0; i < REMINDERS; i++) {
                var rest = rests.get(i % 2);
                starts.add(pool.submit(() -> {
                    rest.startTrial("gsa", due);
                    return null;
                }));
            }
            for (var start : starts) {
                start.get();
            }
            pool.shutdown();
            assertThat(Instant.now()).as("every task exists before its reminder falls due").isBefore(due);

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> servers.sentTrialReminders() == REMINDERS);

            var received = servers.trialMessageIds();
            assertThat(received).as("each reminder exactly once").hasSize(REMINDERS).doesNotHaveDuplicates();
            var sentBy = servers.jdbc().sql("SELECT sent_by, count(*) AS n FROM compromiso.reminder WHERE task_name = 'Trial task' GROUP BY sent_by")
                    .query().listOfRows();
            assertThat(sentBy).as("both nodes sent mails: " + sentBy).hasSize(2);
            var firedBy = servers.jdbc().sql("""
                            SELECT fired_by, count(*) AS n FROM compromiso.reminder WHERE task_name = 'Trial task'
                            GROUP BY fired_by""")
                    .query().listOfRows();
            assertThat(firedBy).as("both nodes ran reminder jobs: " + firedBy).hasSize(2);
        }
    }

    @Test
    void twoCompletionsOfOneTaskAtOnceGiveOneSuccessAndOneConflict() throws Exception {
        try (var first = node("node-c"); var second = node("node-d")) {
            var coordinators = List.of(EngineRest.of(first, "gsaCoordinator"), EngineRest.of(second, "gsaCoordinator"));
            EngineRest.of(first, "admin").deployTrial();
            for (int round = 0; round < 10; round++) {
                EngineRest.of(first, "admin").startTrial("gsa", Instant.now().plus(Duration.ofDays(10)));
                String taskId = servers.jdbc().sql("""
                                SELECT t.id_ FROM act_ru_task t JOIN act_re_procdef d ON d.id_ = t.proc_def_id_
                                WHERE d.key_ = ? ORDER BY t.create_time_ DESC LIMIT 1""")
                        .param(TrialTasks.PROCESS).query(String.class).single();
                var ready = new CountDownLatch(1);
                var pool = Executors.newFixedThreadPool(2);
                var answers = new ArrayList<Future<HttpResponse<String>>>();
                for (var coordinator : coordinators) {
                    answers.add(pool.submit(() -> {
                        ready.await();
                        return coordinator.complete(taskId);
                    }));
                }
                ready.countDown();
                var statuses = new ArrayList<Integer>();
                var bodies = new ArrayList<String>();
                for (var answer : answers) {
                    statuses.add(answer.get().statusCode());
                    bodies.add(answer.get().body());
                }
                pool.shutdown();
                assertThat(statuses).as("round " + round + ": " + bodies).containsExactlyInAnyOrder(204, 409);
                assertThat(bodies).anySatisfy(body -> assertThat(body).contains("\"type\"").containsIgnoringCase("nothing was changed"));
            }
        }
    }

    private static ServiceNode node(String name) {
        return servers.node(name, 60_000);
    }
}
