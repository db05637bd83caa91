package org.compromiso.reminders;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.compromiso.engine.ProcessLock;
import org.compromiso.engine.ServiceWork;
import org.compromiso.engine.TaskHook;
import org.compromiso.engine.TaskLookup;
import org.compromiso.engine.TouchedTask;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@code TaskDeadline} process per open user task with a due date, in every deployed process: started
 * when the task appears, restarted when its due date moves, deleted when the task completes or is cancelled.
 * The tasks a transaction touched are reconciled just before it commits, when every listener (including those
 * that set due dates) has run.
 */
@Component
@Order(3)
class DeadlineScheduler implements TaskHook {

    static final String PROCESS = "TaskDeadline";
    private static final String FIRST_TIMER = "Timer_NextReminder";

    private final RuntimeService runtime;
    private final TaskLookup tasks;
    private final ServiceWork serviceWork;
    private final ReminderPolicy policy;
    private final AgencyCalendars calendars;
    private final ReminderRecipients recipients;
    private final ProcessLock lock;
    private final String executions;

    DeadlineScheduler(RuntimeService runtime, TaskLookup tasks, ServiceWork serviceWork, ReminderPolicy policy,
                      AgencyCalendars calendars, ReminderRecipients recipients, ProcessLock lock,
                      ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.serviceWork = serviceWork;
        this.policy = policy;
        this.calendars = calendars;
        this.recipients = recipients;
        this.lock = lock;
        // the engine's name for its executions' table, with any table prefix it is configured with
        this.executions = management.getTableName(ProcessInstance.class);
    }

    @Override
    public void taskEvent(DelegateTask task) {
        serviceWork.atCommit("deadline", task, this::reconcile);
    }

    /** Brings the task's deadline process in line with the task; the service's own work, not the user's. */
    private void reconcile(TouchedTask task) {
        if (task.created() && !task.ended()) {
            DelegateTask created = task.latest();
            start(created.getId(), created.getDueDate(), created.getProcessDefinitionId(),
                    created.getTaskDefinitionKey(), task.changedAt(), true);
        } else if (task.ended() && !task.created()) {
            deadlinesOf(task.id()).forEach(this::delete);
        } else if (!task.created()) {
            reconcile(task.id());
        }
    }

    private void reconcile(String taskId) {
        Task task = tasks.byId(taskId).orElse(null);
        var deadlines = deadlinesOf(taskId);
        Date due = task == null ? null : task.getDueDate();
        // a query, not getVariable: the deadline process may have ended a moment ago (its last reminder sent)
        boolean current = deadlines.size() == 1 && due != null && runtime.createVariableInstanceQuery()
                .processInstanceIdIn(deadlines.get(0).getId()).variableName("dueDate").list().stream()
                .anyMatch(variable -> due.equals(variable.getValue()));
        if (current) {
            return;
        }
        deadlines.forEach(this::delete);
        if (task != null) {
            start(taskId, due, task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
                    TouchedTask.changedAt(task.getCreateTime(), task.getLastUpdated()), false);
        }
    }

    /**
     * Restarts the task's reminders as if it had changed at {@code changed}: those due before then are past, not
     * sent late. For the demo's replay of the record, whose past the service did not mail.
     */
    void resumeFrom(String taskId, Instant changed) {
        Task task = tasks.byId(taskId).orElse(null);
        deadlinesOf(taskId).forEach(this::delete);
        if (task != null) {
            start(taskId, task.getDueDate(), task.getProcessDefinitionId(), task.getTaskDefinitionKey(), changed, false);
        }
    }

    /**
     * A native query: a {@code ProcessInstanceQuery} evaluates its mapping of many optional conditions through OGNL
     * and joins the process definitions, a seventh of what a completion's deadline work cost the JVM.
     */
    private List<ProcessInstance> deadlinesOf(String taskId) {
        return runtime.createNativeProcessInstanceQuery()
                .sql("SELECT * FROM " + executions + " WHERE BUSINESS_KEY_ = #{taskId} AND PROC_DEF_KEY_ = #{process}"
                        + " AND PARENT_ID_ IS NULL")
                .parameter("taskId", taskId).parameter("process", PROCESS).list();
    }

    /**
     * Ends the deadline process by cancelling its timer, where a waiting deadline process always is (its reminder's
     * job runs to the next timer or the end in one transaction, and the lock keeps that job out): the engine then
     * ends the instance as it ends any other. {@code deleteProcessInstance} would first look the instance's user
     * tasks up with a task query, which a deadline process never has: a third of its cost, 6 % of a completion.
     * Versions of the model before 2026-12-05 sent from a job of their own, after the timer; an instance of one that
     * waits there is not ended by this, and the reminders it then writes are dropped unsent, as its task is closed
     * ({@link ReminderSender}).
     */
    private void delete(ProcessInstance deadline) {
        if (lock.take(deadline.getId())) {
            runtime.createProcessInstanceModification(deadline.getId())
                    .cancelAllForActivity(FIRST_TIMER)
                    .execute(true, true);
        }
    }

    /**
     * Reminders due before the task's last change ({@code changed}) are past, not to be sent late; except that a
     * task created already overdue gets one overdue notice at once.
     */
    private void start(String taskId, Date due, String processDefinitionId, String taskKey, Instant changed,
                       boolean created) {
        if (due == null) {
            return;
        }
        var forTask = policy.forTask(processDefinitionId, taskKey);
        if (forTask.rules().isEmpty()) {
            return;
        }
        var calendar = calendars.of(recipients.candidateGroups(taskId), forTask.days());
        var schedule = created ? forTask.scheduleFromCreation(calendar, due.toInstant(), changed)
                : forTask.schedule(calendar, due.toInstant(), changed);
        // nothing left to remind of (a model's "none", or every reminder's time has passed): no process to keep
        if (!schedule.isEmpty()) {
            // started at its timer, the first reminder already taken off the schedule: what the start event and
            // Task_ScheduleNextReminder would do, without their steps in the history of every task
            runtime.createProcessInstanceByKey(PROCESS).businessKey(taskId)
                    .setVariable("dueDate", due)
                    .setVariables(ScheduleNextReminderDelegate.next(schedule.stream()
                            .map(ReminderPolicy.ScheduledReminder::encode).collect(Collectors.joining(";"))))
                    .startBeforeActivity(FIRST_TIMER)
                    .execute();
        }
    }
}
