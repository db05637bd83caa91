package org.compromiso.engine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One lock per process instance, for two changes of one process that must not interleave, each taking it before it
 * writes anything, so one waits for the other:
 * <ul>
 * <li>a task's deadline process: a user's change that deletes it (the task ended or its due date moved) and its
 * reminder's job. Without the lock the engine refused the user's change as a conflict (409), failed it when the job
 * had just ended the process ("Cannot restore state of process instance", 500), or PostgreSQL ended one of them as
 * a deadlock, since the engine writes its tables in an order of its own;</li>
 * <li>a next-meeting process at Record outcomes: a catalog import that stages the meeting's outcomes for it and the
 * coordinator's completion that reads them. Without the lock a completion could miss outcomes staged by an import
 * not yet committed, which then stayed staged for ever, or an import could stage outcomes for a step that had just
 * been completed.</li>
 * </ul>
 * The lock is the process instance's row of the engine's table: the engine's API has none. It is held until the
 * transaction ends.
 */
@Component
public class ProcessLock {

    private final JdbcClient jdbc;

    ProcessLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the process's lock for the current transaction; false when the process no longer runs. */
    public boolean take(String processInstanceId) {
        return jdbc.sql("SELECT id_ FROM act_ru_execution WHERE id_ = ? FOR UPDATE").param(processInstanceId)
                .query(String.class).optional().isPresent();
    }
}
