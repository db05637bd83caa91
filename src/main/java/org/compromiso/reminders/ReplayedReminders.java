package org.compromiso.reminders;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the demo's replay of the record (catalog's DemoReplay) needs of the reminders, through the engine's clock
 * that it moves: a task's reminders fired and mailed on their own days, and, when the replay ends, no reminder of
 * the replayed past left to fire, so returning to today mails nothing about 2024.
 */
@Component
public class ReplayedReminders {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final DeadlineScheduler scheduler;
    private final ReminderSender sender;
    private final TransactionTemplate transaction;

    ReplayedReminders(RuntimeService runtime, ManagementService management, DeadlineScheduler scheduler,
                      ReminderSender sender, TransactionTemplate transaction) {
        this.runtime = runtime;
        this.management = management;
        this.scheduler = scheduler;
        this.sender = sender;
        this.transaction = transaction;
    }

    /** The next reminder of the task not fired yet, when one is due by {@code until}; null otherwise. */
    public Instant next(String taskId, Instant until) {
        var job = nextJob(taskId, until);
        return job == null ? null : job.getDuedate().toInstant();
    }

    /** Fires the task's next reminder (the engine's clock stands at its time) and mails what is due. */
    public void fireNext(String taskId, Instant until) {
        var job = nextJob(taskId, until);
        if (job != null) {
            management.executeJob(job.getId());
            while (sender.drain() > 0) {
                // one batch at a time, within the rate
            }
        }
    }

    /** Every open task's reminders due before {@code now} are past: restarted from now, none is sent late. */
    public int skipBefore(Instant now) {
        var past = management.createJobQuery().timers().duedateLowerThan(Date.from(now)).list().stream()
                // a timer start event (the leadership digest's) belongs to no process instance yet
                .filter(job -> job.getProcessInstanceId() != null)
                .map(job -> runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                        .processDefinitionKey(DeadlineScheduler.PROCESS).singleResult())
                .filter(java.util.Objects::nonNull).map(deadline -> deadline.getBusinessKey()).distinct().toList();
        past.forEach(taskId -> transaction.executeWithoutResult(status -> scheduler.resumeFrom(taskId, now)));
        return past.size();
    }

    private org.camunda.bpm.engine.runtime.Job nextJob(String taskId, Instant until) {
        var deadline = runtime.createProcessInstanceQuery().processDefinitionKey(DeadlineScheduler.PROCESS)
                .processInstanceBusinessKey(taskId).singleResult();
        if (deadline == null) {
            return null;
        }
        return management.createJobQuery().processInstanceId(deadline.getId()).duedateLowerThan(Date.from(until))
                .orderByJobDuedate().asc().listPage(0, 1).stream().findFirst().orElse(null);
    }
}
