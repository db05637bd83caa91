package org.compromiso.reports;

import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.compromiso.engine.ServiceWork;
import org.compromiso.engine.TaskHook;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each user task's due dates over time in {@code task_due_date}, because the engine overwrites a moved
 * due date and a report drawn for a past moment must read that moment's deadline. The only thing the reports
 * write: a record of facts, never a change to them.
 */
@Component
@Order(4)
class TaskDueDates implements TaskHook {

    private final JdbcClient jdbc;
    private final ServiceWork serviceWork;

    TaskDueDates(JdbcClient jdbc, ServiceWork serviceWork) {
        this.jdbc = jdbc;
        this.serviceWork = serviceWork;
    }

    /**
     * Read just before the transaction commits, as the transaction left the task: a listener of the model may set
     * the due date after this one has seen the task's create event.
     */
    @Override
    public void taskEvent(DelegateTask task) {
        serviceWork.atCommit("due date", task, touched -> record(touched.latest(), touched.changedAt()));
    }

    /** Appends the task's due date when it differs from the last one kept, at the engine's time of the change. */
    private void record(DelegateTask task, Instant changed) {
        Timestamp due = task.getDueDate() == null ? null : new Timestamp(task.getDueDate().getTime());
        jdbc.sql("""
                        INSERT INTO task_due_date (task_id, due_date, at)
                        SELECT :task, CAST(:due AS timestamptz), :at
                        WHERE (SELECT d.due_date FROM task_due_date d WHERE d.task_id = :task
                               ORDER BY d.at DESC, d.id DESC LIMIT 1) IS DISTINCT FROM CAST(:due AS timestamptz)""")
                .param("task", task.getId()).param("due", due).param("at", Timestamp.from(changed))
                .update();
    }
}
