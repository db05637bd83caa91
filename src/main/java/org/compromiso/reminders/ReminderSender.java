package org.compromiso.reminders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentHistory;
import org.compromiso.commitments.CommitmentNotFoundException;
import org.compromiso.platform.ServiceAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Drains the reminder outbox: claims due reminders within the rate the nodes share, sends the batch's mails over
 * one SMTP connection, and records the outcome per mail. Transient failures (connection, 4xx) are retried with a
 * doubling wait, and only the mails that did not go out are sent again; permanent ones (5xx, bad addresses) and
 * the last try mark the reminder failed, for the operator. A 5xx for one recipient does not stop the others.
 * <p>
 * Each node runs {@code senders} batches at once. Their claims are serialized and the rate is counted in the table,
 * exactly as between nodes, so more senders never send more than the rate nor a reminder twice.
 */
@Component
class ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);
    private static final int TASKS_PER_QUERY = 500;

    private final ReminderOutbox outbox;
    private final ReminderRecipients recipients;
    private final ReminderMail mail;
    private final JavaMailSenderImpl mailSender;
    private final ReminderProperties properties;
    private final TaskService tasks;
    private final ReminderContent content;
    private final CommitmentHistory history;
    private final ServiceAddress address;
    private final ExecutorService senders;

    ReminderSender(ReminderOutbox outbox, ReminderRecipients recipients, ReminderMail mail,
                   JavaMailSenderImpl mailSender, ReminderProperties properties, TaskService tasks,
                   ReminderContent content, CommitmentHistory history, ServiceAddress address) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.mail = mail;
        this.mailSender = mailSender;
        this.properties = properties;
        this.tasks = tasks;
        this.content = content;
        this.history = history;
        this.address = address;
        var threads = new CustomizableThreadFactory("reminder-sender-");
        threads.setDaemon(true);
        this.senders = Executors.newFixedThreadPool(properties.senders(), threads);
    }

    /**
     * Every sender drains batch after batch until the outbox has nothing due or the interval's share of the rate is
     * used; the scheduler waits for all of them, so a stopping node finishes what it sends.
     */
    @Scheduled(fixedDelayString = "${compromiso.reminders.send-interval}")
    void scheduled() {
        IntStream.range(0, properties.senders())
                .mapToObj(sender -> CompletableFuture.runAsync(this::drainWhileFull, senders)).toList()
                .forEach(CompletableFuture::join);
    }

    private void drainWhileFull() {
        int perBatch = perBatch();
        int perInterval = perInterval();
        int handled;
        int sent = 0;
        do {
            handled = drain();
            sent += handled;
        } while (handled == perBatch && sent < perInterval);
    }

    /** One interval's share of the rate: at 30 a minute and every 5 seconds, 2 (the rate's count still decides). */
    private int perInterval() {
        return (int) Math.max(1, properties.ratePerMinute() * properties.sendInterval().toMillis() / 60_000);
    }

    private int perBatch() {
        return Math.min(perInterval(), properties.batchSize());
    }

    /** A node that stops hands back what it claimed but did not get to, so another sends it at once. */
    @PreDestroy
    void releaseClaims() {
        senders.shutdown();
        int released = outbox.release(address.nodeName());
        if (released > 0) {
            log.info("Released {} reminders claimed by this node on its way down", released);
        }
    }

    /** Sends one batch of what is due now, within the rate; returns how many reminders it handled. */
    int drain() {
        String node = address.nodeName();
        var batch = outbox.claim(perBatch(), properties.ratePerMinute(), properties.claimFor(), node);
        Map<String, Task> openTasks = openTasks(batch);
        var outgoing = new ArrayList<Outgoing>();
        for (var reminder : batch) {
            try {
                prepare(reminder, openTasks.get(reminder.taskId())).ifPresent(outgoing::add);
            } catch (MessagingException | RuntimeException e) {
                // a removed rule, a broken template: it would fail the same way on every try
                log.error("Reminder {} of task {} cannot be written", reminder.rule(), reminder.taskId(), e);
                outbox.markFailed(reminder.id(), reminder.sentMessages(), List.of(), SmtpFailure.describe(e));
            }
        }
        var failures = send(outgoing.stream().flatMap(each -> each.mails().stream()).map(Mail::message).toList());
        outgoing.forEach(each -> settle(each, failures, node));
        return batch.size();
    }

    /** The batch's tasks that are still open, a query per 500 (one per reminder was half the sender's time). */
    private Map<String, Task> openTasks(List<ReminderOutbox.PendingReminder> batch) {
        List<String> ids = batch.stream().map(ReminderOutbox.PendingReminder::taskId).distinct().toList();
        var open = new HashMap<String, Task>();
        for (int from = 0; from < ids.size(); from += TASKS_PER_QUERY) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + TASKS_PER_QUERY));
            tasks.createTaskQuery().taskIdIn(chunk.toArray(String[]::new)).listPage(0, chunk.size())
                    .forEach(task -> open.put(task.getId(), task));
        }
        return open;
    }

    /**
     * The reminder's mails still to send, one per language of its recipients; empty when there is nothing to do
     * (the task, null, is no longer open, or its due date moved).
     */
    private Optional<Outgoing> prepare(ReminderOutbox.PendingReminder reminder, Task task) throws MessagingException {
        if (task == null || task.getDueDate() == null || !task.getDueDate().toInstant().equals(reminder.dueAt())) {
            outbox.markDropped(reminder.id());
            return Optional.empty();
        }
        var audience = properties.rule(reminder.rule()).audience();
        var addressees = recipients.of(reminder.taskId(), task.getAssignee(), audience);
        List<Recipient> people = addressees.people();
        List<String> withoutEmail = people.stream().filter(person -> !person.hasEmail()).map(Recipient::userId).toList();
        List<String> reached = people.stream().filter(Recipient::hasEmail).map(Recipient::userId).toList();
        if (!withoutEmail.isEmpty()) {
            log.warn("Reminder {} of task {}: no email address for {}", reminder.rule(), reminder.taskId(), withoutEmail);
        }
        if (reached.isEmpty()) {
            outbox.markFailed(reminder.id(), List.of(), List.of(),
                    "No recipient has an email address: " + String.join(", ", withoutEmail));
            return Optional.empty();
        }
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        people.stream().filter(Recipient::hasEmail)
                .forEach(person -> byLanguage.computeIfAbsent(person.language(), l -> new ArrayList<>()).add(person.email()));
        var text = content.of(reminder, task, addressees.waitingGroups(), byLanguage.keySet());
        var mails = new ArrayList<Mail>();
        for (var entry : byLanguage.entrySet()) {
            if (!reminder.sentMessages().contains(reminder.messageId(entry.getKey()))) {
                mails.add(new Mail(reminder.messageId(entry.getKey()),
                        mail.compose(mailSender.getSession(), text, entry.getKey(), entry.getValue())));
            }
        }
        return Optional.of(new Outgoing(reminder, mails, reached, withoutEmail));
    }

    /** Sends every mail over one connection; returns the mails that failed, with why. */
    private Map<Object, Exception> send(List<MimeMessage> messages) {
        var failures = new HashMap<Object, Exception>();
        if (messages.isEmpty()) {
            return failures;
        }
        try {
            mailSender.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures.putAll(e.getFailedMessages());
            if (failures.isEmpty()) {
                messages.forEach(message -> failures.put(message, e));
            }
        } catch (MailException e) {
            messages.forEach(message -> failures.put(message, e));
        }
        return failures;
    }

    private void settle(Outgoing outgoing, Map<Object, Exception> failures, String node) {
        var reminder = outgoing.reminder();
        var sent = new ArrayList<>(reminder.sentMessages());
        var rejected = new ArrayList<String>();
        Exception transientFailure = null;
        Exception permanentFailure = null;
        for (Mail each : outgoing.mails()) {
            Exception failure = failures.get(each.message());
            var refused = SmtpFailure.refusedRecipients(failure);
            rejected.addAll(refused);
            if (failure == null || SmtpFailure.reachedSomeone(failure)) {
                sent.add(each.messageId());
            } else if (SmtpFailure.isPermanent(failure)) {
                permanentFailure = failure;
            } else {
                transientFailure = failure;
            }
        }
        if (!rejected.isEmpty()) {
            log.error("Reminder {} of task {}: the mail server refused {} for good", reminder.rule(),
                    reminder.taskId(), rejected);
        }
        if (transientFailure != null && reminder.attempts() < properties.maxAttempts()) {
            Duration wait = properties.firstRetryAfter().multipliedBy(1L << Math.min(reminder.attempts() - 1, 20));
            log.warn("Reminder {} of task {} not sent (try {}), again in {}: {}", reminder.rule(), reminder.taskId(),
                    reminder.attempts(), wait, SmtpFailure.describe(transientFailure));
            outbox.retryLater(reminder.id(), sent, SmtpFailure.describe(transientFailure), wait);
        } else if (transientFailure != null || sent.isEmpty()) {
            Exception last = transientFailure != null ? transientFailure : permanentFailure;
            log.error("Reminder {} of task {} failed for good after {} tries: {}", reminder.rule(), reminder.taskId(),
                    reminder.attempts(), SmtpFailure.describe(last));
            outbox.markFailed(reminder.id(), sent, rejected, SmtpFailure.describe(last));
        } else {
            outbox.markSent(reminder.id(), new ReminderOutbox.Delivery(outgoing.reached(), outgoing.withoutEmail(),
                    rejected, sent), node);
            recordInHistory(reminder, outgoing.reached(), outgoing.withoutEmail(), rejected);
        }
    }

    private void recordInHistory(ReminderOutbox.PendingReminder reminder, List<String> sentTo,
                                 List<String> withoutEmail, List<String> rejected) {
        if (reminder.commitmentCode() == null) {
            return;
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("rule", reminder.rule());
        detail.put("task", reminder.taskName());
        detail.put("recipients", sentTo);
        detail.put("withoutEmail", withoutEmail);
        if (!rejected.isEmpty()) {
            detail.put("refusedByMailServer", rejected);
        }
        detail.put("messageId", reminder.messageId());
        try {
            history.record(reminder.commitmentCode(), Actor.system(), reminder.kind() + "-sent", detail, null);
        } catch (CommitmentNotFoundException e) {
            // a process started without a commitment
        }
    }

    /** One mail of a reminder, in one language. */
    private record Mail(String messageId, MimeMessage message) {
    }

    /** A reminder on its way: its mails still to send, who it reaches and who has no address. */
    private record Outgoing(ReminderOutbox.PendingReminder reminder, List<Mail> mails, List<String> reached,
                            List<String> withoutEmail) {
    }
}
