package org.compromiso.bench;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.compromiso.resilience.TrialTasks;

/**
 * Scenario 3a: many trial tasks (rule {@code due} only, SRE's, whose one coordinator reads Spanish: one mail per
 * reminder) fall due at once when the engine's clock jumps past their due date. Measured from the jump until every
 * reminder is {@code sent}: timer jobs, the outbox write, the sender's batches and SMTP, end to end.
 */
final class ReminderStorm {

    /** What the storm did, and what it proves about "each once". */
    record Outcome(int reminders, long receivedOnce, Duration elapsed, Duration allWritten, CpuProbe.Per cpu,
                   List<String> problems) {

        double perSecond() {
            return reminders / (elapsed.toNanos() / 1e9);
        }

        /** The engine's half alone: timer jobs and outbox writes, without the mails. */
        double writtenPerSecond() {
            return reminders / (allWritten.toNanos() / 1e9);
        }
    }

    private final ServiceUnderTest service;

    ReminderStorm(ServiceUnderTest service) {
        this.service = service;
    }

    Outcome run(int count) throws Exception {
        var trial = new TrialTasks(service.engine());
        Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        List<String> tasks = Collections.synchronizedList(new ArrayList<>());
        Setup.inParallel(count, i -> tasks.addAll(trial.start(1, "sre", due)));
        Setup.vacuumAnalyze(service);

        var mail = new DeliveredMail(service.mail());
        mail.clear();
        long start = System.nanoTime();
        var cpu = CpuProbe.now();
        Instant jumped = Instant.now();
        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1))));
        try {
            await("every reminder of the storm sent").atMost(Duration.ofSeconds(120 + count / 10))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        mail.collect();
                        return sent(due) == count;
                    });
            var elapsed = Duration.ofNanos(System.nanoTime() - start);
            var cpuPerReminder = CpuProbe.now().since(cpu, count);
            await("the deadline processes of the storm ended").atMost(Duration.ofMinutes(2))
                    .until(() -> service.engine().getManagementService().createJobQuery()
                            .processDefinitionKey("TaskDeadline").executable().count() == 0);
            mail.collect();
            List<String> messageIds = service.jdbc()
                    .sql("SELECT message_id FROM reminder WHERE rule = 'due' AND due_at = ?")
                    .param(Timestamp.from(due)).query(String.class).list();
            long receivedOnce = messageIds.stream().filter(id -> mail.timesReceived(id) == 1).count();
            var problems = new ArrayList<String>();
            if (messageIds.size() != count || receivedOnce != count) {
                problems.add("storm: " + count + " tasks, " + messageIds.size() + " outbox rows, " + receivedOnce
                        + " of them received exactly once at the SMTP server");
            }
            Instant lastWritten = service.jdbc()
                    .sql("SELECT max(created_at) FROM reminder WHERE rule = 'due' AND due_at = ?")
                    .param(Timestamp.from(due)).query(Timestamp.class).single().toInstant();
            return new Outcome(count, receivedOnce, elapsed, Duration.between(jumped, lastWritten), cpuPerReminder,
                    problems);
        } finally {
            // a job locked under the moved clock would stay locked for the hour it jumped
            ClockUtil.reset();
        }
    }

    private long sent(Instant due) {
        return service.jdbc().sql("SELECT count(*) FROM reminder WHERE rule = 'due' AND due_at = ? AND state = 'sent'")
                .param(Timestamp.from(due)).query(Long.class).single();
    }
}
