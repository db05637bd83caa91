package org.compromiso.reminders;

import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.compromiso.ServiceZone;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reminder side of a process test: a task's deadline process and its timer, run by hand as the job executor
 * would, and an outbox cleared of what earlier tests left.
 */
final class TaskDeadlines {

    private final ProcessEngine engine;
    private final JdbcClient jdbc;

    TaskDeadlines(ProcessEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /** What earlier tests sent or left waiting is not this test's: out of its minute of the rate and its outbox. */
    void setAsideEarlierReminders() {
        jdbc.sql("UPDATE reminder SET sent_at = sent_at - interval '1 hour' WHERE sent_at > now() - interval '1 minute'")
                .update();
        jdbc.sql("UPDATE reminder SET state = 'dropped' WHERE state = 'pending'").update();
    }

    /** Sets the task's due date, as a coordinator does in Tasklist. */
    void moveDueDate(String taskId, LocalDateTime due) {
        var task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        task.setDueDate(date(due));
        engine.getTaskService().saveTask(task);
    }

    /** The task's one deadline process; null when it has none. */
    ProcessInstance of(String taskId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DeadlineScheduler.PROCESS)
                .processInstanceBusinessKey(taskId).singleResult();
    }

    long count(String taskId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DeadlineScheduler.PROCESS)
                .processInstanceBusinessKey(taskId).count();
    }

    /** The timer the task's deadline process waits in; null when it has none. */
    Job timer(String taskId) {
        var deadline = of(taskId);
        return deadline == null ? null
                : engine.getManagementService().createJobQuery().processInstanceId(deadline.getId()).singleResult();
    }

    /** Runs the task's deadline jobs that are due by the engine's clock, as the job executor would. */
    void runDue(String taskId) {
        for (Job job = timer(taskId); job != null && (job.getDuedate() == null
                || !job.getDuedate().after(ClockUtil.getCurrentTime())); job = timer(taskId)) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ServiceZone.ZONE).toInstant());
    }
}
