package org.compromiso.reminders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One lock per deadline process, taken by both sides that change it at once: a user's change that deletes it (the
 * task ended or its due date moved, {@link DeadlineScheduler}) and its reminder's job ({@link SendReminderDelegate}).
 * Each takes it before it writes anything, so one waits for the other; without it the engine refused the user's
 * change as a conflict (409), failed it when the job had just ended the process ("Cannot restore state of process
 * instance", 500), or PostgreSQL ended one of them as a deadlock, since the engine writes its tables in an order of
 * its own. The lock is the process instance's row of the engine's table: its API has none.
 */
@Component
class DeadlineLock {

    private final JdbcClient jdbc;

    DeadlineLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the deadline process's lock for the current transaction; false when the process no longer runs. */
    boolean take(String processInstanceId) {
        return jdbc.sql("SELECT id_ FROM act_ru_execution WHERE id_ = ? FOR UPDATE").param(processInstanceId)
                .query(String.class).optional().isPresent();
    }
}
