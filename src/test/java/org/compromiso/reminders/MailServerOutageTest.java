package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.compromiso.resilience.ResilienceTest;
import org.compromiso.resilience.TrialTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Guarantee: reminders that fall due while the mail server is down are never lost and never sent twice. */
@ResilienceTest
class MailServerOutageTest {

    /** The sender's batches of at most {@code batch-size}, one after another, until it finds nothing due. */
    private int drainAll() {
        int handled = 0;
        for (int batch = sender.drain(); batch > 0; batch = sender.drain()) {
            handled += batch;
        }
        return handled;
    }

    private static final int REMINDERS = 200;

    @Autowired
    TrialTasks trials;
    @Autowired
    GreenMail mailServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HealthContributorRegistry health;
    @Autowired
    ReminderSender sender;
    @Autowired
    ReminderOutbox outbox;

    Instant due;

    @BeforeEach
    void tasksFallDue() throws Exception {
        jdbc.sql("DELETE FROM reminder").update();
        mailServer.purgeEmailFromAllMailboxes();
        Instant now = Instant.parse("2024-03-01T15:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        due = now.plus(Duration.ofDays(3));
        trials.start(REMINDERS, "gsa", due);
        mailServer.stop();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        assertThat(trials.fireDueReminders()).as("one timer per task, which writes the outbox").isEqualTo(REMINDERS);
    }

    @AfterEach
    void restore() {
        ClockUtil.reset();
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
    }

    @Test
    void remindersDueDuringAnOutageGoOutOnceWhenTheServerIsBack() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(drainAll()).as("try " + attempt).isEqualTo(REMINDERS);
            assertThat(sender.drain()).as("each waits for its next try").isZero();
            theWaitBetweenTriesPasses();
        }
        assertThat(states()).containsExactly(Map.entry("pending", (long) REMINDERS));
        assertThat(jdbc.sql("SELECT count(*) FROM reminder WHERE attempts = 3 AND last_error LIKE '%onnect%'")
                .query(Long.class).single()).isEqualTo(REMINDERS);

        mailServer.start();
        assertThat(drainAll()).isEqualTo(REMINDERS);
        theWaitBetweenTriesPasses();
        assertThat(sender.drain()).as("nothing left to send").isZero();

        assertThat(states()).containsExactly(Map.entry("sent", (long) REMINDERS));
        List<String> received = messageIds(mailServer.getReceivedMessages());
        assertThat(received).as("each reminder once").hasSize(REMINDERS).doesNotHaveDuplicates();
        assertThat(Set.copyOf(received)).as("the log holds exactly what the server received").isEqualTo(logged());
    }

    @Test
    void afterTheLastTryTheOperatorSeesThemAndARetrySendsEachOnce() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(drainAll()).isEqualTo(REMINDERS);
            theWaitBetweenTriesPasses();
        }
        assertThat(states()).containsExactly(Map.entry("failed", (long) REMINDERS));
        var reminders = (HealthIndicator) health.getContributor("reminders");
        assertThat(reminders.health().getStatus().getCode()).isEqualTo("WARNING");
        assertThat(reminders.health().getDetails()).containsEntry("failed", (long) REMINDERS);

        mailServer.start();
        jdbc.sql("SELECT id FROM reminder").query(Long.class).list().forEach(outbox::retry);
        assertThat(drainAll()).isEqualTo(REMINDERS);

        assertThat(reminders.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(messageIds(mailServer.getReceivedMessages())).hasSize(REMINDERS).doesNotHaveDuplicates();
    }

    private void theWaitBetweenTriesPasses() {
        jdbc.sql("UPDATE reminder SET next_attempt_at = now() WHERE state = 'pending'").update();
    }

    private Map<String, Long> states() {
        return jdbc.sql("SELECT state, count(*) AS n FROM reminder GROUP BY state").query()
                .listOfRows().stream().collect(Collectors.toMap(row -> (String) row.get("state"),
                        row -> ((Number) row.get("n")).longValue()));
    }

    private Set<String> logged() {
        return jdbc.sql("SELECT unnest(sent_messages) FROM reminder").query(String.class).set();
    }

    static List<String> messageIds(MimeMessage[] messages) {
        return Arrays.stream(messages).map(message -> {
            try {
                return message.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
