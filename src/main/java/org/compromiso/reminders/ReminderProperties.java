package org.compromiso.reminders;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reminder policy and how reminders are mailed.
 *
 * @param rules            when, relative to a task's due date, whom to remind or to escalate to
 * @param from             the sender address of every reminder
 * @param tasklistBaseUrl  where users open Tasklist, for the link to the task
 * @param ratePerMinute    mails per minute at most (an Exchange Online mailbox takes 30)
 * @param maxAttempts      tries before a reminder is marked failed
 * @param firstRetryAfter  the wait after the first failed try; each further wait doubles
 * @param sendInterval     how often the sender looks for due reminders
 * @param claimFor         how long a sender holds a reminder it is sending; after a crash another sends it
 * @param batchSize        reminders one sender claims and sends at a time, so that a batch is sent well within
 *                         {@code claimFor} even at a high rate
 * @param senders          batches each node sends at once, each over its own SMTP connection
 * @param days             whether the days of an offset are calendar days or working days (no weekends, no
 *                         public holidays of the agency's party)
 * @param timeZone         the time zone of tasks that belong to no agency (the desk's, leadership's)
 */
@ConfigurationProperties("compromiso.reminders")
public record ReminderProperties(List<Rule> rules, String from, String tasklistBaseUrl, int ratePerMinute,
                                 int maxAttempts, Duration firstRetryAfter, Duration sendInterval,
                                 Duration claimFor, int batchSize, int senders, Days days, ZoneId timeZone) {

    public ReminderProperties {
        if (batchSize < 1 || senders < 1) {
            throw new IllegalArgumentException("compromiso.reminders.batch-size and compromiso.reminders.senders "
                    + "must be at least 1, not " + batchSize + " and " + senders);
        }
    }

    /**
     * One rule of the policy.
     *
     * @param id       its name in the reminder log and in a model's override
     * @param offset   from the due date: negative before, positive after
     * @param kind     a reminder or an escalation
     * @param audience who receives it besides the task's assignee or candidates
     */
    public record Rule(String id, Duration offset, Kind kind, Audience audience) {
    }

    public enum Kind { REMINDER, ESCALATION }

    public enum Audience { TASK, SUPERVISORS, DESK_AND_LEADERSHIP }

    public enum Days { CALENDAR, WORKING }

    Rule rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No reminder rule " + id));
    }
}
