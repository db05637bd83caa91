package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.compromiso.reminders.TaskDeadlines.date;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.workflow.ProcessDriver;
import org.compromiso.workflow.ProcessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One reminder per task, rule and due date, however often the deadline process writes it: every path that writes
 * the same reminder twice, counted in the mails the SMTP server received. The plan task goes to two coordinators
 * of different languages, so each reminder is two mails.
 */
@ProcessTest
class ReminderOnceTest {

    /** Task_PlanAction is due 14 days after the commitment is registered on 22 January 2024. */
    private static final LocalDateTime DUE = LocalDateTime.of(2024, 2, 5, 0, 0);
    private static final LocalDateTime FIRST_REMINDER = DUE.minusDays(7);
    private static final LocalDateTime SECOND_REMINDER = DUE.minusDays(2);
    private static final String FAILING_JOB_TRIGGER = "reminder_once_test_fails_the_next_timer";

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ReminderSender sender;
    @Autowired
    ReminderOutbox outbox;
    @Autowired
    GreenMail mailServer;
    @Autowired
    JdbcClient jdbc;

    TaskDeadlines deadlines;
    Task task;

    @BeforeEach
    void planTaskWithItsReminders() throws Exception {
        deadlines = new TaskDeadlines(engine, jdbc);
        deadlines.setAsideEarlierReminders();
        mailServer.purgeEmailFromAllMailboxes();
        driver.today(LocalDate.of(2024, 1, 22));
        ProcessInstance instance = driver.register("agreed-action", Map.of("MX", "sre", "US", "state"),
                LocalDate.of(2024, 6, 30));
        task = driver.task(instance, "Task_PlanAction");
        assertThat(task.getDueDate()).isEqualTo(date(DUE));
    }

    @AfterEach
    void restore() {
        ClockUtil.reset();
        acceptTimersAgain();
    }

    @Test
    void aDueDateMovedAwayAndBackAfterItsReminderWentOutDoesNotRemindAgain() throws Exception {
        // two nodes whose clocks are a minute apart: the one ahead runs the reminder's timer on time by its clock
        fireAndSend(FIRST_REMINDER);
        assertThat(mails()).hasSize(2);

        // within that minute a coordinator on the other node moves the due date away and back
        ClockUtil.setCurrentTime(date(FIRST_REMINDER.minusMinutes(1)));
        deadlines.moveDueDate(task.getId(), DUE.plusDays(14));
        deadlines.moveDueDate(task.getId(), DUE);
        assertThat(deadlines.timer(task.getId()).getDuedate())
                .as("a new deadline process, whose first timer is the reminder that went out")
                .isEqualTo(date(FIRST_REMINDER));

        fireAndSend(FIRST_REMINDER);
        assertThat(mails()).as("the same task, rule and due date: no second mail").hasSize(2);

        fireAndSend(SECOND_REMINDER);
        assertThat(mails()).as("the next rule still goes out").hasSize(4);
        assertThat(messageIds()).doesNotHaveDuplicates();
    }

    @Test
    void aReminderTimerRunASecondTimeSendsNoSecondMail() throws Exception {
        var deadline = deadlines.of(task.getId());
        var firstRun = engine.getRuntimeService().getVariables(deadline.getId());
        fireAndSend(FIRST_REMINDER);
        assertThat(mails()).hasSize(2);

        // the deadline process back in its timer with the variables of the first run, as an operator's
        // modification in Cockpit would put it: its job runs again
        engine.getRuntimeService().setVariables(deadline.getId(), firstRun);
        String waiting = engine.getRuntimeService().getActivityInstance(deadline.getId())
                .getActivityInstances("Timer_NextReminder")[0].getId();
        engine.getRuntimeService().createProcessInstanceModification(deadline.getId())
                .startBeforeActivity("Timer_NextReminder").cancelActivityInstance(waiting).execute();
        assertThat(deadlines.timer(task.getId()).getDuedate()).isEqualTo(date(FIRST_REMINDER));

        fireAndSend(FIRST_REMINDER);
        assertThat(mails()).as("the same task, rule and due date: no second mail").hasSize(2);
        assertThat(deadlines.timer(task.getId()).getDuedate()).as("the schedule goes on")
                .isEqualTo(date(SECOND_REMINDER));
    }

    @Test
    void aTimerJobThatFailsAfterWritingTheOutboxIsRetriedAndMailsOnce() throws Exception {
        failTheNextTimerOf(deadlines.of(task.getId()).getId());
        ClockUtil.setCurrentTime(date(FIRST_REMINDER));
        var timer = deadlines.timer(task.getId());

        assertThatThrownBy(() -> engine.getManagementService().executeJob(timer.getId()))
                .hasStackTraceContaining("the database failed the reminder job");
        assertThat(sender.drain()).as("the outbox row went with the failed job's transaction").isZero();
        assertThat(deadlines.timer(task.getId()).getRetries()).as("the job waits for its retry").isEqualTo(2);

        acceptTimersAgain();
        deadlines.runDue(task.getId());
        assertThat(sender.drain()).isOne();
        assertThat(sender.drain()).isZero();
        assertThat(mails()).as("one reminder, one mail per language").hasSize(2);
        assertThat(messageIds()).doesNotHaveDuplicates();
    }

    @Test
    void aReminderAnotherNodeClaimedIsNotSentUntilItsClaimLapses() throws Exception {
        ClockUtil.setCurrentTime(date(FIRST_REMINDER));
        deadlines.runDue(task.getId());
        var claimed = outbox.claim(10, 30, Duration.ofMinutes(5), "other-node");
        assertThat(claimed).extracting(ReminderOutbox.PendingReminder::taskId).containsExactly(task.getId());

        assertThat(sender.drain()).as("the other node is sending it").isZero();
        assertThat(mails()).isEmpty();

        // the other node went down before it recorded the send: its claim runs out
        jdbc.sql("UPDATE reminder SET claimed_until = now() - interval '1 second' WHERE id = ?")
                .param(claimed.get(0).id()).update();
        assertThat(sender.drain()).isOne();
        assertThat(sender.drain()).isZero();
        assertThat(mails()).hasSize(2);
    }

    /** Moves the clock to the reminder's time, runs the due deadline timers (which write the outbox), mails it. */
    private void fireAndSend(LocalDateTime at) {
        ClockUtil.setCurrentTime(date(at));
        deadlines.runDue(task.getId());
        sender.drain();
    }

    /**
     * Makes the database refuse the next timer this deadline process creates: a failure after Task_SendReminder
     * wrote the outbox, in the same job.
     */
    private void failTheNextTimerOf(String deadlineId) {
        jdbc.sql("CREATE FUNCTION " + FAILING_JOB_TRIGGER + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'the database failed the reminder job'; END $$").update();
        jdbc.sql("CREATE TRIGGER " + FAILING_JOB_TRIGGER + " BEFORE INSERT ON act_ru_job FOR EACH ROW "
                + "WHEN (NEW.process_instance_id_ = '" + deadlineId + "') EXECUTE FUNCTION "
                + FAILING_JOB_TRIGGER + "()").update();
    }

    private void acceptTimersAgain() {
        jdbc.sql("DROP TRIGGER IF EXISTS " + FAILING_JOB_TRIGGER + " ON act_ru_job").update();
        jdbc.sql("DROP FUNCTION IF EXISTS " + FAILING_JOB_TRIGGER + "()").update();
    }

    private MimeMessage[] mails() {
        return mailServer.getReceivedMessages();
    }

    private String[] messageIds() throws MessagingException {
        var ids = new String[mails().length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = mails()[i].getMessageID();
        }
        return ids;
    }
}
