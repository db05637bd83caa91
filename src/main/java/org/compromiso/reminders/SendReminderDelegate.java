package org.compromiso.reminders;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compromiso.commitments.CommitmentQueries;
import org.compromiso.engine.ProcessLock;
import org.compromiso.engine.TaskLookup;
import org.springframework.stereotype.Component;

/**
 * Task_SendReminder: puts the reminder in the outbox, in the engine's transaction. The mail itself goes out
 * from {@link ReminderSender}, so a slow or absent mail server never holds the engine's job threads.
 * <p>
 * After the service was down past several reminders of a task, only the latest of them is sent: each rule's
 * audience includes the earlier ones', and "due in 7 days" is noise once the task is overdue.
 */
@Component
class SendReminderDelegate implements JavaDelegate {

    private final ReminderOutbox outbox;
    private final ReminderProperties properties;
    private final CommitmentQueries commitments;
    private final ProcessLock lock;
    private final TaskLookup tasks;

    SendReminderDelegate(ReminderOutbox outbox, ReminderProperties properties, CommitmentQueries commitments,
                         ProcessLock lock, TaskLookup tasks) {
        this.outbox = outbox;
        this.properties = properties;
        this.commitments = commitments;
        this.lock = lock;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // first, before the engine writes anything of this job: a user's change may be deleting this process now
        if (!lock.take(execution.getProcessInstanceId()) || supersededByALaterReminder(execution)) {
            return;
        }
        // the deadline process's business key is its task's id
        String taskId = execution.getProcessBusinessKey();
        var task = tasks.byId(taskId).orElse(null);
        if (task == null) {
            return;
        }
        String commitment = commitments.codeOf(task.getProcessInstanceId()).orElse(null);
        var rule = properties.rule((String) execution.getVariable("nextRule"));
        outbox.add(new ReminderOutbox.NewReminder(taskId, task.getName(), task.getProcessInstanceId(), commitment,
                rule.id(), rule.kind(), ((Date) execution.getVariable("dueDate")).toInstant(),
                ((Date) execution.getVariable("nextFireAt")).toInstant()));
    }

    private static boolean supersededByALaterReminder(DelegateExecution execution) {
        String schedule = (String) execution.getVariable("schedule");
        if (schedule == null || schedule.isBlank()) {
            return false;
        }
        // the engine's clock, from the model's ${now()}: the public API has no other way to read it
        Instant now = ((Date) execution.getVariable("now")).toInstant();
        return !ReminderPolicy.ScheduledReminder.decode(schedule.split(";")[0]).fireAt().isAfter(now);
    }
}
