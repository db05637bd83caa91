package org.compromiso.reminders;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.compromiso.platform.ServiceAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The reminder table: the outbox the deadline processes write and the log of what was sent. */
@Repository
class ReminderOutbox {

    /** Serializes the claims of all nodes, so the rate they share is counted once. */
    private static final long CLAIM_LOCK = 0x5245_4D49_4E44L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ServiceAddress address;

    ReminderOutbox(JdbcClient jdbc, TransactionTemplate transaction, ServiceAddress address) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.address = address;
    }

    /** Adds a reminder unless this rule was already written for this task and due date; this node fired it. */
    void add(NewReminder reminder) {
        jdbc.sql("""
                        INSERT INTO reminder (task_id, task_name, process_instance_id, commitment_code, rule, kind,
                                              due_at, fire_at, message_id, fired_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT ON CONSTRAINT reminder_once_per_rule DO NOTHING""")
                .params(reminder.taskId(), reminder.taskName(), reminder.processInstanceId(), reminder.commitmentCode(),
                        reminder.rule(), reminder.kind().name().toLowerCase(), Timestamp.from(reminder.dueAt()),
                        Timestamp.from(reminder.fireAt()), "reminder-" + UUID.randomUUID() + "@compromiso",
                        address.nodeName())
                .update();
    }

    /**
     * Takes up to {@code limit} due reminders for this node for a while, within what is left of the rate all
     * nodes share this minute; rows another node holds are skipped, so nodes share the work and none sends a
     * reminder twice while its claim lasts.
     */
    List<PendingReminder> claim(int limit, int perMinute, Duration claimFor, String node) {
        return transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CLAIM_LOCK).query().singleRow();
            int used = jdbc.sql("""
                            SELECT (SELECT coalesce(sum(cardinality(sent_messages)), 0) FROM reminder
                                    WHERE sent_at > now() - interval '1 minute')
                                 + (SELECT count(*) FROM reminder WHERE state = 'pending' AND claimed_until > now())""")
                    .query(Integer.class).single();
            int take = Math.min(limit, perMinute - used);
            if (take <= 0) {
                return List.<PendingReminder>of();
            }
            return jdbc.sql("""
                            UPDATE reminder SET claimed_until = now() + make_interval(secs => ?), claimed_by = ?,
                                                attempts = attempts + 1
                            WHERE id IN (SELECT id FROM reminder
                                         WHERE state = 'pending' AND next_attempt_at <= now()
                                           AND (claimed_until IS NULL OR claimed_until < now())
                                         ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                            RETURNING id, task_id, task_name, commitment_code, rule, kind, due_at, message_id, attempts,
                                      sent_messages""")
                    .params(seconds(claimFor), node, take)
                    .query((rs, row) -> new PendingReminder(rs.getLong("id"), rs.getString("task_id"),
                            rs.getString("task_name"), rs.getString("commitment_code"), rs.getString("rule"),
                            rs.getString("kind"), rs.getTimestamp("due_at").toInstant(), rs.getString("message_id"),
                            rs.getInt("attempts"), List.of((String[]) rs.getArray("sent_messages").getArray())))
                    .list();
        });
    }

    void markSent(long id, Delivery delivery, String node) {
        jdbc.sql("""
                        UPDATE reminder SET state = 'sent', sent_at = now(), sent_by = ?, claimed_until = NULL,
                                            last_error = NULL, recipients = ?, without_email = ?, rejected = ?,
                                            sent_messages = ?
                        WHERE id = ?""")
                .params(node, array(delivery.recipients()), array(delivery.withoutEmail()), array(delivery.rejected()),
                        array(delivery.sentMessages()), id)
                .update();
    }

    /** Some mails of the reminder went out, the others wait: a retry sends only those. */
    void retryLater(long id, List<String> sentMessages, String error, Duration wait) {
        jdbc.sql("""
                        UPDATE reminder SET claimed_until = NULL, last_error = ?, sent_messages = ?,
                                            next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?""")
                .params(error, array(sentMessages), seconds(wait), id).update();
    }

    /** The task ended or its due date moved between the timer and the mail: nothing to remind of. */
    void markDropped(long id) {
        jdbc.sql("UPDATE reminder SET state = 'dropped', claimed_until = NULL WHERE id = ?").param(id).update();
    }

    void markFailed(long id, List<String> sentMessages, List<String> rejected, String error) {
        jdbc.sql("""
                        UPDATE reminder SET state = 'failed', claimed_until = NULL, last_error = ?, sent_messages = ?,
                                            rejected = ?
                        WHERE id = ?""")
                .params(error, array(sentMessages), array(rejected), id).update();
    }

    Map<String, Long> countByState() {
        var counts = new TreeMap<String, Long>(Map.of("pending", 0L, "sent", 0L, "failed", 0L, "rejected", 0L));
        jdbc.sql("""
                        SELECT state, count(*) FROM reminder GROUP BY state
                        UNION ALL SELECT 'rejected', count(*) FROM reminder WHERE cardinality(rejected) > 0""")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Reminders that reached nobody, and those some recipients of which the mail server refused. */
    List<Map<String, Object>> failed(int limit) {
        return jdbc.sql("""
                        SELECT id, task_id, task_name, commitment_code, rule, due_at, state, attempts, last_error,
                               array_to_string(rejected, ', ') AS rejected
                        FROM reminder WHERE state = 'failed' OR cardinality(rejected) > 0 ORDER BY id DESC LIMIT ?""")
                .param(limit).query().listOfRows();
    }

    int release(String node) {
        return jdbc.sql("""
                        UPDATE reminder SET claimed_until = NULL, attempts = greatest(attempts - 1, 0)
                        WHERE state = 'pending' AND claimed_by = ? AND claimed_until > now()""")
                .param(node).update();
    }

    /** Puts a failed reminder back in the queue, for the operator once the cause is fixed. */
    boolean retry(long id) {
        return jdbc.sql("""
                        UPDATE reminder SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
                        WHERE id = ? AND state = 'failed'""").param(id).update() == 1;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    record NewReminder(String taskId, String taskName, String processInstanceId, String commitmentCode, String rule,
                       ReminderProperties.Kind kind, Instant dueAt, Instant fireAt) {
    }

    record PendingReminder(long id, String taskId, String taskName, String commitmentCode, String rule, String kind,
                           Instant dueAt, String messageId, int attempts, List<String> sentMessages) {

        /** The Message-ID of its mail in one language; fixed, so a resend folds into the first in mail clients. */
        String messageId(String language) {
            return "<" + language + "." + messageId + ">";
        }
    }

    /** Who a sent reminder reached, who could not be reached, and its mails. */
    record Delivery(List<String> recipients, List<String> withoutEmail, List<String> rejected,
                    List<String> sentMessages) {
    }
}
