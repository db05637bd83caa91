package org.compromiso.reminders;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.compromiso.identity.ServiceWork;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps one {@code TaskDeadline} process per open user task with a due date, in every deployed process: started
 * when the task appears, restarted when its due date moves, deleted when the task completes or is cancelled.
 * The tasks a transaction touched are reconciled just before it commits, when every listener (including those
 * that set due dates) has run.
 */
@Component
class DeadlineScheduler {

    static final String PROCESS = "TaskDeadline";
    private static final Object TOUCHED = DeadlineScheduler.class;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ServiceWork serviceWork;
    private final ReminderPolicy policy;
    private final AgencyCalendars calendars;
    private final ReminderRecipients recipients;

    DeadlineScheduler(RuntimeService runtime, TaskService tasks, ServiceWork serviceWork, ReminderPolicy policy,
                      AgencyCalendars calendars, ReminderRecipients recipients) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.serviceWork = serviceWork;
        this.policy = policy;
        this.calendars = calendars;
        this.recipients = recipients;
    }

    @EventListener
    public void taskEvent(DelegateTask task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> touched = (Set<String>) TransactionSynchronizationManager.getResource(TOUCHED);
        if (touched == null) {
            Set<String> ids = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(TOUCHED, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    reconcile(ids);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TOUCHED);
                }
            });
            touched = ids;
        }
        touched.add(task.getId());
    }

    /** Brings each task's deadline process in line with the task; the service's own work, not the user's. */
    void reconcile(Set<String> taskIds) {
        serviceWork.asService(() -> {
            taskIds.forEach(this::reconcile);
            return null;
        });
    }

    /** The engine's time of the task's last change: reminders due before it are past, not to be sent late. */
    private static java.time.Instant engineNow(Task task) {
        Date changed = task.getLastUpdated() != null && task.getLastUpdated().after(task.getCreateTime())
                ? task.getLastUpdated() : task.getCreateTime();
        return changed.toInstant();
    }

    private void reconcile(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        var deadlines = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(taskId).list();
        Date due = task == null ? null : task.getDueDate();
        boolean current = deadlines.size() == 1 && due != null
                && due.equals(runtime.getVariable(deadlines.get(0).getId(), "dueDate"));
        if (current) {
            return;
        }
        deadlines.stream().map(ProcessInstance::getId).collect(Collectors.toSet())
                .forEach(id -> runtime.deleteProcessInstance(id, "task ended or due date moved", true, true));
        if (due == null) {
            return;
        }
        var forTask = policy.forTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (forTask.rules().isEmpty()) {
            return;
        }
        var calendar = calendars.of(recipients.candidateGroups(taskId), forTask.days());
        var schedule = forTask.schedule(calendar, due.toInstant(), engineNow(task));
        // nothing left to remind of (a model's "none", or every reminder's time has passed): no process to keep
        if (!schedule.isEmpty()) {
            runtime.startProcessInstanceByKey(PROCESS, taskId, Variables.createVariables()
                    .putValue("taskId", taskId)
                    .putValue("dueDate", due)
                    .putValue("schedule", schedule.stream().map(ReminderPolicy.ScheduledReminder::encode)
                            .collect(Collectors.joining(";"))));
        }
    }
}
