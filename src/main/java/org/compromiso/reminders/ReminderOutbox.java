package org.compromiso.reminders;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reminder table: the outbox the deadline processes write and the log of what was sent. */
@Repository
class ReminderOutbox {

    private final JdbcClient jdbc;

    ReminderOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a reminder unless this rule was already written for this task and due date. */
    void add(NewReminder reminder) {
        jdbc.sql("""
                        INSERT INTO reminder (task_id, task_name, process_instance_id, commitment_code, rule, kind,
                                              due_at, fire_at, message_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT ON CONSTRAINT reminder_once_per_rule DO NOTHING""")
                .params(reminder.taskId(), reminder.taskName(), reminder.processInstanceId(), reminder.commitmentCode(),
                        reminder.rule(), reminder.kind().name().toLowerCase(), Timestamp.from(reminder.dueAt()),
                        Timestamp.from(reminder.fireAt()), "reminder-" + UUID.randomUUID() + "@compromiso")
                .update();
    }

    /**
     * Takes up to {@code limit} due reminders for this sender for a while; rows another sender holds are skipped,
     * so several nodes share the work and none sends a reminder twice while its claim lasts.
     */
    List<PendingReminder> claim(int limit, Duration claimFor) {
        return jdbc.sql("""
                        UPDATE reminder SET claimed_until = now() + make_interval(secs => ?), attempts = attempts + 1
                        WHERE id IN (SELECT id FROM reminder
                                     WHERE state = 'pending' AND next_attempt_at <= now()
                                       AND (claimed_until IS NULL OR claimed_until < now())
                                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id, task_id, task_name, commitment_code, rule, kind, due_at, message_id, attempts""")
                .params(claimFor.toSeconds(), limit)
                .query((rs, row) -> new PendingReminder(rs.getLong("id"), rs.getString("task_id"),
                        rs.getString("task_name"), rs.getString("commitment_code"), rs.getString("rule"),
                        rs.getString("kind"), rs.getTimestamp("due_at").toInstant(), rs.getString("message_id"),
                        rs.getInt("attempts")))
                .list();
    }

    void markSent(long id, List<String> recipients, List<String> withoutEmail) {
        jdbc.sql("""
                        UPDATE reminder SET state = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL,
                                            recipients = ?, without_email = ? WHERE id = ?""")
                .params(recipients.toArray(String[]::new), withoutEmail.toArray(String[]::new), id).update();
    }

    void retryLater(long id, String error, Duration wait) {
        jdbc.sql("""
                        UPDATE reminder SET claimed_until = NULL, last_error = ?,
                                            next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?""")
                .params(error, wait.toSeconds(), id).update();
    }

    /** The task ended between the timer and the mail: nothing to remind of. */
    void markDropped(long id) {
        jdbc.sql("UPDATE reminder SET state = 'dropped', claimed_until = NULL WHERE id = ?").param(id).update();
    }

    void markFailed(long id, String error) {
        jdbc.sql("UPDATE reminder SET state = 'failed', claimed_until = NULL, last_error = ? WHERE id = ?")
                .params(error, id).update();
    }

    Map<String, Long> countByState() {
        var counts = new java.util.TreeMap<String, Long>(Map.of("pending", 0L, "sent", 0L, "failed", 0L));
        jdbc.sql("SELECT state, count(*) FROM reminder GROUP BY state")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    List<Map<String, Object>> failed(int limit) {
        return jdbc.sql("""
                        SELECT id, task_id, task_name, commitment_code, rule, due_at, attempts, last_error
                        FROM reminder WHERE state = 'failed' ORDER BY id DESC LIMIT ?""")
                .param(limit).query().listOfRows();
    }

    /** Puts a failed reminder back in the queue, for the operator once the cause is fixed. */
    boolean retry(long id) {
        return jdbc.sql("""
                        UPDATE reminder SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
                        WHERE id = ? AND state = 'failed'""").param(id).update() == 1;
    }

    record NewReminder(String taskId, String taskName, String processInstanceId, String commitmentCode, String rule,
                       ReminderProperties.Kind kind, Instant dueAt, Instant fireAt) {
    }

    record PendingReminder(long id, String taskId, String taskName, String commitmentCode, String rule, String kind,
                           Instant dueAt, String messageId, int attempts) {
    }
}
