package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guarantee: a node killed (SIGKILL) while it sends reminders and coordinators complete tasks loses nothing: every
 * due reminder goes out, duplicates are at most the batch in flight and carry their first Message-ID, no
 * acknowledged completion and no timer is lost. A node stopped with SIGTERM releases its work and loses nothing.
 */
@Tag("resilience")
class CrashTest {

    private static final int REMINDERS = 200;
    private static final int TO_COMPLETE = 60;
    // 1,200 a minute in batches of half a second: the storm lasts about ten seconds, long enough to crash inside it
    private static final int RATE_PER_MINUTE = 1200;
    private static final int BATCH = RATE_PER_MINUTE / 120;

    @RegisterExtension
    static FaultServers servers = new FaultServers();

    @AfterEach
    void forgetTheTrial() throws Exception {
        servers.mailServer().purgeEmailFromAllMailboxes();
        servers.jdbc().sql("DELETE FROM compromiso.reminder WHERE task_name = 'Trial task'").update();
    }

    @Test
    void aKilledNodeLosesNoReminderNoCompletionAndNoTimer() throws Exception {
        var completions = new ConcurrentHashMap<String, Integer>();
        try (var first = node("crash-a")) {
            var load = underLoad(first, completions);
            await().atMost(Duration.ofMinutes(2)).until(() -> sent() >= REMINDERS / 4 && completions.size() >= 5);
            first.kill();
            load.stop();
        }
        long beforeTheCrash = sent();
        assertThat(sent()).as("the crash came before the storm was over").isLessThan(REMINDERS);

        try (var second = node("crash-b")) {
            await().atMost(Duration.ofMinutes(2)).until(() -> sent() == REMINDERS);
            var received = servers.trialMessageIds();
            assertThat(received.stream().distinct().count()).as("every due reminder").isEqualTo(REMINDERS);
            System.out.printf("CRASH %d of %d reminders sent when the node was killed, %d duplicates after, %d completions%n",
                    beforeTheCrash, REMINDERS, received.size() - REMINDERS, completions.size());
            assertThat(received.size() - REMINDERS).as("duplicates: at most the batch in flight").isLessThanOrEqualTo(BATCH);
            assertThat(java.util.Set.copyOf(received)).as("a resend carries the reminder's first Message-ID").isEqualTo(logged());
            everyAcknowledgedCompletionIsKept(completions);
            noTimerIsLost();
        }
    }

    @Test
    void aNodeStoppedGracefullyReleasesItsWorkAndLosesNothing() throws Exception {
        var completions = new ConcurrentHashMap<String, Integer>();
        try (var first = node("stop-a")) {
            var load = underLoad(first, completions);
            await().atMost(Duration.ofMinutes(2)).until(() -> sent() >= REMINDERS / 4 && completions.size() >= 5);
            assertThat(first.stop(Duration.ofSeconds(60))).as("stopped within a minute").isTrue();
            load.stop();
            assertThat(first.log()).doesNotContain("Exception in thread");
        }
        assertThat(servers.jdbc().sql("SELECT count(*) FROM act_ru_job WHERE lock_exp_time_ > now()").query(Long.class).single())
                .as("no job stays locked by the stopped node").isZero();
        assertThat(servers.jdbc().sql("SELECT count(*) FROM compromiso.reminder WHERE state = 'pending' AND claimed_until > now()")
                .query(Long.class).single()).as("no reminder stays claimed by it").isZero();

        try (var second = node("stop-b")) {
            await().atMost(Duration.ofMinutes(2)).until(() -> sent() == REMINDERS);
            assertThat(servers.trialMessageIds()).as("each once").hasSize(REMINDERS).doesNotHaveDuplicates();
            everyAcknowledgedCompletionIsKept(completions);
            noTimerIsLost();
        }
    }

    /** Reminders falling due and a coordinator completing tasks at the same time, on this node. */
    private Load underLoad(ServiceNode node, Map<String, Integer> completions) throws Exception {
        var admin = EngineRest.of(node, "admin");
        admin.deployTrial();
        Instant due = Instant.now().plusSeconds(40);
        var pool = Executors.newFixedThreadPool(4);
        var starts = new ArrayList<Future<?>>();
        for (int i = 0; i < REMINDERS + TO_COMPLETE; i++) {
            boolean toComplete = i >= REMINDERS;
            starts.add(pool.submit(() -> {
                admin.startTrial(toComplete ? "cbp" : "gsa", toComplete ? due.plus(Duration.ofDays(10)) : due);
                return null;
            }));
        }
        for (var start : starts) {
            start.get();
        }
        assertThat(Instant.now()).as("every task exists before its reminder falls due").isBefore(due);
        List<String> toComplete = servers.jdbc().sql("""
                        SELECT t.id_ FROM act_ru_task t JOIN act_ru_identitylink l ON l.task_id_ = t.id_
                        WHERE l.group_id_ = 'cbp' AND t.name_ = 'Trial task'""").query(String.class).list();
        var running = new AtomicBoolean(true);
        var coordinator = EngineRest.of(node, "cbpCoordinator");
        pool.submit(() -> {
            await().atMost(Duration.ofMinutes(2)).until(() -> sent() > 0);
            for (String taskId : toComplete) {
                if (!running.get()) {
                    break;
                }
                try {
                    completions.put(taskId, coordinator.complete(taskId).statusCode());
                } catch (IOException connectionLost) {
                    completions.put(taskId, -1);
                }
            }
            return null;
        });
        return new Load(pool, running);
    }

    private void everyAcknowledgedCompletionIsKept(Map<String, Integer> completions) {
        var acknowledged = completions.entrySet().stream().filter(entry -> entry.getValue() == 204)
                .map(Map.Entry::getKey).toList();
        assertThat(acknowledged).isNotEmpty();
        assertThat(servers.jdbc().sql("SELECT count(*) FROM act_ru_task WHERE id_ IN (:ids)").param("ids", acknowledged)
                .query(Long.class).single()).as("no acknowledged completion undone").isZero();
        assertThat(servers.jdbc().sql("SELECT count(*) FROM act_hi_taskinst WHERE id_ IN (:ids) AND end_time_ IS NOT NULL")
                .param("ids", acknowledged).query(Long.class).single()).isEqualTo(acknowledged.size());
        assertThat(completions.values()).as("a completion either succeeded or failed for the crash")
                .allMatch(status -> status == 204 || status == -1 || status >= 500);
    }

    private void noTimerIsLost() {
        assertThat(servers.jdbc().sql("""
                        SELECT t.id_ FROM act_ru_task t
                        WHERE t.due_date_ > now() AND NOT EXISTS (
                            SELECT 1 FROM act_ru_execution e JOIN act_ru_job j ON j.process_instance_id_ = e.id_
                            JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
                            WHERE d.key_ = 'TaskDeadline' AND e.business_key_ = t.id_ AND e.parent_id_ IS NULL)""")
                .query(String.class).list()).as("every open task still has its reminder timer").isEmpty();
    }

    private static long sent() {
        return servers.sentTrialReminders();
    }

    private static java.util.Set<String> logged() {
        return servers.jdbc().sql("SELECT unnest(sent_messages) FROM compromiso.reminder WHERE task_name = 'Trial task'")
                .query(String.class).set();
    }

    private static ServiceNode node(String name) {
        return servers.node(name, RATE_PER_MINUTE);
    }

    /** The load on a node, to be stopped when the node is gone. */
    private record Load(ExecutorService pool, AtomicBoolean running) {
        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
