package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compromiso.reminders.TaskDeadlines.date;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.compromiso.commitments.CommitmentHistory;
import org.compromiso.platform.ServiceAddress;
import org.compromiso.workflow.ProcessDriver;
import org.compromiso.workflow.ProcessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A node with several senders: each claims its own batches, as nodes do, so together they send every due reminder
 * once and no more than the rate. Each plan task goes to two coordinators of different languages: two mails.
 */
@ProcessTest
class ParallelSendersTest {

    private static final int REMINDERS = 9;

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    GreenMail mailServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReminderOutbox outbox;
    @Autowired
    ReminderRecipients recipients;
    @Autowired
    ReminderMail mail;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    ReminderProperties properties;
    @Autowired
    TaskService tasks;
    @Autowired
    ReminderContent content;
    @Autowired
    CommitmentHistory history;
    @Autowired
    ServiceAddress address;

    final List<String> taskIds = new ArrayList<>();

    /** Nine plan tasks, registered on 22 January 2024, whose first reminders (due 29 January) are in the outbox. */
    @BeforeEach
    void nineRemindersDue() throws Exception {
        var deadlines = new TaskDeadlines(engine, jdbc);
        deadlines.setAsideEarlierReminders();
        mailServer.purgeEmailFromAllMailboxes();
        driver.today(LocalDate.of(2024, 1, 22));
        for (int i = 0; i < REMINDERS; i++) {
            var instance = driver.register("agreed-action", Map.of("MX", "sre", "US", "state"), LocalDate.of(2024, 6, 30));
            taskIds.add(driver.task(instance, "Task_PlanAction").getId());
        }
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2024, 1, 29, 0, 0)));
        taskIds.forEach(deadlines::runDue);
        assertThat(pending()).isEqualTo(REMINDERS);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void threeSendersOfTwoAtATimeSendEveryDueReminderOnce() throws Exception {
        var senders = sender(1_000, 2, 3);
        try {
            senders.scheduled();
        } finally {
            senders.releaseClaims();
        }

        assertThat(pending()).isZero();
        assertThat(sentOf(taskIds)).isEqualTo(REMINDERS);
        assertThat(mailServer.getReceivedMessages()).hasSize(2 * REMINDERS);
        assertThat(messageIds()).doesNotHaveDuplicates();
    }

    @Test
    void threeSendersTogetherKeepToTheRateOfTheNode() {
        // 6 mails a minute, each reminder 2 mails: three reminders this minute, whichever sender claims them
        var senders = sender(6, 2, 3);
        try {
            senders.scheduled();
            senders.scheduled();
        } finally {
            senders.releaseClaims();
        }

        assertThat(sentOf(taskIds)).isEqualTo(3);
        assertThat(mailServer.getReceivedMessages()).hasSize(6);
        assertThat(pending()).isEqualTo(REMINDERS - 3);
    }

    private ReminderSender sender(int ratePerMinute, int batchSize, int senders) {
        var settings = new ReminderProperties(properties.rules(), properties.from(), properties.tasklistBaseUrl(),
                ratePerMinute, properties.maxAttempts(), properties.firstRetryAfter(), properties.sendInterval(),
                properties.claimFor(), batchSize, senders, properties.days(), properties.timeZone());
        return new ReminderSender(outbox, recipients, mail, mailSender, settings, tasks, content, history, address);
    }

    private long pending() {
        return jdbc.sql("SELECT count(*) FROM reminder WHERE state = 'pending' AND task_id IN (:tasks)")
                .param("tasks", taskIds).query(Long.class).single();
    }

    private long sentOf(List<String> tasks) {
        return jdbc.sql("SELECT count(*) FROM reminder WHERE state = 'sent' AND task_id IN (:tasks)")
                .param("tasks", tasks).query(Long.class).single();
    }

    private List<String> messageIds() throws MessagingException {
        var ids = new ArrayList<String>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            ids.add(message.getMessageID());
        }
        return ids;
    }
}
