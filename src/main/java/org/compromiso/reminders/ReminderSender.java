package org.compromiso.reminders;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentHistory;
import org.compromiso.commitments.CommitmentQueries;
import org.compromiso.identity.AgencyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the reminder outbox: claims due reminders, mails them at the configured rate over one SMTP
 * connection per batch, and records the outcome. Transient failures (connection, 4xx) are retried with a
 * doubling wait; permanent ones (5xx, bad addresses) and the last try mark the reminder failed, for the operator.
 */
@Component
class ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

    private final ReminderOutbox outbox;
    private final ReminderRecipients recipients;
    private final ReminderMail mail;
    private final JavaMailSenderImpl mailSender;
    private final ReminderProperties properties;
    private final TaskService tasks;
    private final CommitmentQueries commitments;
    private final CommitmentHistory history;
    private final AgencyDirectory agencies;

    ReminderSender(ReminderOutbox outbox, ReminderRecipients recipients, ReminderMail mail,
                   JavaMailSenderImpl mailSender, ReminderProperties properties, TaskService tasks,
                   CommitmentQueries commitments, CommitmentHistory history, AgencyDirectory agencies) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.mail = mail;
        this.mailSender = mailSender;
        this.properties = properties;
        this.tasks = tasks;
        this.commitments = commitments;
        this.history = history;
        this.agencies = agencies;
    }

    @Scheduled(fixedDelayString = "${compromiso.reminders.send-interval}")
    void scheduled() {
        drain();
    }

    /** Sends what is due now, at most one interval's worth of the rate; returns how many reminders it handled. */
    int drain() {
        long perBatch = Math.max(1, properties.ratePerMinute() * properties.sendInterval().toMillis() / 60_000);
        var batch = outbox.claim((int) perBatch, properties.claimFor());
        batch.forEach(this::send);
        return batch.size();
    }

    private void send(ReminderOutbox.PendingReminder reminder) {
        var task = tasks.createTaskQuery().taskId(reminder.taskId()).singleResult();
        if (task == null) {
            outbox.markDropped(reminder.id());
            return;
        }
        var audience = properties.rule(reminder.rule()).audience();
        List<Recipient> people = recipients.of(reminder.taskId(), task.getAssignee(), audience);
        List<String> withoutEmail = people.stream().filter(person -> !person.hasEmail()).map(Recipient::userId).toList();
        if (!withoutEmail.isEmpty()) {
            log.warn("Reminder {} of task {}: no email address for {}", reminder.rule(), reminder.taskId(), withoutEmail);
        }
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        people.stream().filter(Recipient::hasEmail)
                .forEach(person -> byLanguage.computeIfAbsent(person.language(), l -> new ArrayList<>()).add(person.email()));
        try {
            var content = content(reminder);
            var messages = new ArrayList<MimeMessage>();
            for (var entry : byLanguage.entrySet()) {
                messages.add(mail.compose(mailSender.getSession(), content, entry.getKey(), entry.getValue()));
            }
            if (!messages.isEmpty()) {
                mailSender.send(messages.toArray(MimeMessage[]::new));
            }
            List<String> sentTo = people.stream().filter(Recipient::hasEmail).map(Recipient::userId).toList();
            outbox.markSent(reminder.id(), sentTo, withoutEmail);
            recordInHistory(reminder, sentTo, withoutEmail);
        } catch (MailException | MessagingException e) {
            failed(reminder, e);
        }
    }

    private ReminderMail.Content content(ReminderOutbox.PendingReminder reminder) {
        String title = reminder.commitmentCode() == null ? ""
                : commitments.find(reminder.commitmentCode()).map(detail -> detail.commitment().title()).orElse("");
        List<String> groups = recipients.candidateGroups(reminder.taskId());
        List<String> waitingOn = groups.stream()
                .map(group -> agencies.find(group).map(agency -> agency.shortName()).orElse(group)).toList();
        ZoneId zone = groups.stream().map(agencies::find).flatMap(java.util.Optional::stream)
                .map(agency -> ZoneId.of(agency.timeZone())).findFirst().orElse(ZoneId.of("UTC"));
        return new ReminderMail.Content(reminder, title, waitingOn, zone);
    }

    private void failed(ReminderOutbox.PendingReminder reminder, Exception e) {
        String error = SmtpFailure.describe(e);
        if (SmtpFailure.isPermanent(e) || reminder.attempts() >= properties.maxAttempts()) {
            log.error("Reminder {} of task {} failed for good after {} tries: {}", reminder.rule(), reminder.taskId(),
                    reminder.attempts(), error);
            outbox.markFailed(reminder.id(), error);
        } else {
            Duration wait = properties.firstRetryAfter().multipliedBy(1L << Math.min(reminder.attempts() - 1, 20));
            log.warn("Reminder {} of task {} not sent (try {}), again in {}: {}", reminder.rule(), reminder.taskId(),
                    reminder.attempts(), wait, error);
            outbox.retryLater(reminder.id(), error, wait);
        }
    }

    private void recordInHistory(ReminderOutbox.PendingReminder reminder, List<String> sentTo, List<String> withoutEmail) {
        if (reminder.commitmentCode() == null) {
            return;
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("rule", reminder.rule());
        detail.put("task", reminder.taskName());
        detail.put("recipients", sentTo);
        detail.put("withoutEmail", withoutEmail);
        detail.put("messageId", reminder.messageId());
        try {
            history.record(reminder.commitmentCode(), Actor.system(), reminder.kind() + "-sent", detail, null);
        } catch (org.compromiso.commitments.CommitmentNotFoundException e) {
            // a process started without a commitment
        }
    }
}
