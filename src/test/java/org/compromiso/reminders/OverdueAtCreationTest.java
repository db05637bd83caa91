package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
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
 * A task created already past its due date gets one overdue notice at once, and never that notice again; counted
 * in the mails the SMTP server received. The commitment's target date, 1 February 2024, has passed when its
 * plan is completed on the 3rd, so Task_ImplementAction, due on the target date, is overdue from its creation.
 * It goes to two coordinators of different languages: each reminder is two mails.
 */
@ProcessTest
class OverdueAtCreationTest {

    private static final LocalDate TARGET = LocalDate.of(2024, 2, 1);
    private static final LocalDateTime PLAN_COMPLETED = LocalDateTime.of(2024, 2, 3, 10, 0);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ReminderSender sender;
    @Autowired
    GreenMail mailServer;
    @Autowired
    JdbcClient jdbc;

    TaskDeadlines deadlines;
    Task implement;

    @BeforeEach
    void implementationTaskCreatedAfterTheTargetDate() throws Exception {
        deadlines = new TaskDeadlines(engine, jdbc);
        deadlines.setAsideEarlierReminders();
        mailServer.purgeEmailFromAllMailboxes();
        driver.today(LocalDate.of(2024, 1, 22));
        ProcessInstance instance = driver.register("agreed-action", Map.of("MX", "sre", "US", "state"), TARGET);
        ClockUtil.setCurrentTime(TaskDeadlines.date(PLAN_COMPLETED));
        driver.complete(instance, "Task_PlanAction");
        implement = driver.task(instance, "Task_ImplementAction");
        assertThat(implement.getDueDate()).isEqualTo(ProcessDriver.date(TARGET));
    }

    @AfterEach
    void restoreClock() {
        ClockUtil.reset();
    }

    @Test
    void aTaskCreatedOverdueGetsOneNoticeAtOnce() throws Exception {
        assertThat(deadlines.timer(implement.getId()).getDuedate()).as("due at its creation")
                .isEqualTo(TaskDeadlines.date(PLAN_COMPLETED));

        deadlines.runDue(implement.getId());
        sender.drain();

        assertThat(sentRules()).containsExactly("due");
        // one mail per language, each naming the step in its own language
        assertThat(subjects()).hasSize(2).anyMatch(subject -> subject.contains("Implement the action"))
                .anyMatch(subject -> subject.contains("Ejecutar la acción"));
    }

    @Test
    void theNoticeAtCreationIsNotSentAgainLaterOnlyTheNextEscalationIs() throws Exception {
        deadlines.runDue(implement.getId());
        sender.drain();
        deadlines.runDue(implement.getId());
        sender.drain();
        assertThat(mailServer.getReceivedMessages()).as("run twice, sent once").hasSize(2);

        // three days after the due date: the supervisors' escalation, and no second notice of the rule "due"
        ClockUtil.setCurrentTime(TaskDeadlines.date(TARGET.plusDays(3).atStartOfDay()));
        deadlines.runDue(implement.getId());
        sender.drain();

        assertThat(sentRules()).containsExactly("due", "escalate-supervisors");
        assertThat(subjects()).as("the notice's two mails, then the escalation's (supervisors too)")
                .filteredOn(subject -> subject.contains("Reminder:") || subject.contains("Recordatorio:")).hasSize(2);
        assertThat(subjects()).filteredOn(subject -> subject.contains("Overdue:") || subject.contains("Vencida:"))
                .isNotEmpty();
    }

    private List<String> sentRules() {
        return jdbc.sql("SELECT rule FROM reminder WHERE task_id = ? AND state = 'sent' ORDER BY id")
                .param(implement.getId()).query(String.class).list();
    }

    private List<String> subjects() throws MessagingException {
        var subjects = new java.util.ArrayList<String>();
        for (var mail : mailServer.getReceivedMessages()) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }
}
