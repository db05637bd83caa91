package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guarantee: PostgreSQL itself crashes (SIGKILL of all its processes) while coordinators complete tasks and
 * reminders go out, and starts again on the same data: every completion answered 204 is kept and recorded once,
 * every reminder the mail server received is in the reminder log, every refused completion was told so (503), no
 * process is left half-moved. The server runs with production's fsync and synchronous commit.
 */
@Tag("resilience")
class PostgresCrashTest {

    private static final int COMMITMENTS = 200;
    private static final int COORDINATORS = 4;
    private static final int REMINDERS = 200;
    // 1,200 a minute in batches of half a second: the storm lasts about ten seconds, long enough to crash inside it
    private static final int RATE_PER_MINUTE = 1200;
    private static final int BATCH = RATE_PER_MINUTE / 120;

    @RegisterExtension
    static FaultServers servers = FaultServers.withOwnDatabaseServer();

    @AfterEach
    void engineClockBack() {
        ClockUtil.reset();
    }

    @Test
    void everyAcknowledgedWriteSurvivesACrashOfPostgresql() throws Exception {
        var database = servers.database();
        assertThat(List.of(database.setting("fsync"), database.setting("synchronous_commit")))
                .as("production's durability settings").containsOnly("on");
        var load = Executors.newFixedThreadPool(COORDINATORS);
        try (var service = InProcessService.start("default", servers.settings("pgcrash", RATE_PER_MINUTE))) {
            var completions = PlanCompletions.register(service, "PGCRASH", COMMITMENTS);
            // due in an hour of the engine's clock, which then moves on: every reminder falls due at once
            new TrialTasks(service.getBean(ProcessEngine.class))
                    .start(REMINDERS, "gsa", Instant.now().plus(Duration.ofHours(1)));
            ClockUtil.offset(Duration.ofHours(1).plusMinutes(1).toMillis());
            int port = InProcessService.port(service);
            var coordinator = new EngineRest(path -> URI.create("http://localhost:" + port + path),
                    "sreCoordinator", "demo");
            var coordinators = new ArrayList<Future<Void>>();
            for (int i = 0; i < COORDINATORS; i++) {
                coordinators.add(load.submit(completions.coordinator(coordinator, () -> true)));
            }

            await().atMost(Duration.ofMinutes(2))
                    .until(() -> sent() >= REMINDERS / 5 && completions.acknowledged() >= 10);
            assertThat(completions.anyOpen()).as("the crash comes before the completions are over").isTrue();
            long crashed = System.nanoTime();
            database.crash();
            int receivedBefore = servers.trialMessageIds().size();
            long acknowledgedBefore = completions.acknowledged();
            await("a completion meets the crash").atMost(Duration.ofMinutes(1)).until(() -> completions.refused() > 0);
            database.start();
            System.out.printf("PGCRASH PostgreSQL down for %d ms, after %d reminders received and %d completions"
                    + " acknowledged%n", Duration.ofNanos(System.nanoTime() - crashed).toMillis(), receivedBefore,
                    acknowledgedBefore);

            await("every reminder sent").atMost(Duration.ofMinutes(3)).until(() -> sent() == REMINDERS);
            for (var each : coordinators) {
                each.get(3, TimeUnit.MINUTES);
            }
            System.out.printf("PGCRASH %d completions acknowledged, %d refused%n", completions.acknowledged(),
                    completions.refused());
            assertThat(completions.acknowledged()).as("completions went on after the restart")
                    .isGreaterThan(acknowledgedBefore);
            completions.verify();
            everyReminderReceivedIsInTheLog();
        } finally {
            load.shutdownNow();
        }
    }

    private void everyReminderReceivedIsInTheLog() {
        var received = servers.trialMessageIds();
        System.out.printf("PGCRASH %d reminders, %d mails received%n", REMINDERS, received.size());
        assertThat(Set.copyOf(received)).as("what the mail server received is what the reminder log says was sent")
                .isEqualTo(servers.jdbc().sql("""
                                SELECT unnest(sent_messages) FROM compromiso.reminder WHERE task_name = 'Trial task'""")
                        .query(String.class).set());
        assertThat(received.stream().distinct().count()).as("every due reminder").isEqualTo(REMINDERS);
        assertThat(received.size() - REMINDERS).as("resent: at most the batch in flight").isLessThanOrEqualTo(BATCH);
    }

    private static long sent() {
        return servers.sentTrialReminders();
    }
}
