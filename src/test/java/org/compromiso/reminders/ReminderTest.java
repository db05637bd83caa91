package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compromiso.reminders.TaskDeadlines.date;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.compromiso.resilience.TrialTasks;
import org.compromiso.workflow.ProcessDriver;
import org.compromiso.workflow.ProcessTest;
import org.compromiso.workflow.TrialForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class ReminderTest {

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
    ProcessInstance instance;
    Task task;

    @BeforeEach
    void registerCommitment() throws Exception {
        mailServer.purgeEmailFromAllMailboxes();
        deadlines = new TaskDeadlines(engine, jdbc);
        deadlines.setAsideEarlierReminders();
        driver.today(LocalDate.of(2024, 1, 22));
        instance = driver.register("agreed-action", Map.of("MX", "sre", "US", "state"), LocalDate.of(2024, 6, 30));
        task = driver.task(instance, "Task_PlanAction");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        // a trial process has no form on purpose: none stays behind for the model rules' tests, in any class order
        var repository = engine.getRepositoryService();
        repository.createProcessDefinitionQuery().processDefinitionKeyLike("Trial_%").list().stream()
                .map(definition -> definition.getDeploymentId()).distinct()
                .forEach(deployment -> repository.deleteDeployment(deployment, true));
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
    }

    @Test
    void eachRuleFiresOnItsDayToItsPeopleInTheirLanguageWithLinkAndCalendar() throws Exception {
        LocalDateTime due = LocalDateTime.of(2024, 2, 5, 0, 0);   // Task_PlanAction: P14D from 2024-01-22
        assertThat(task.getDueDate()).isEqualTo(date(due));

        var early = fire(due.minusDays(7));
        assertThat(recipients(early)).containsExactlyInAnyOrder("srecoordinator@compromiso.example",
                "statecoordinator@compromiso.example");
        MimeMessage spanish = inLanguage(early, "es");
        // the step in each reader's language, whatever the language of the task's own name
        assertThat(spanish.getSubject()).contains("Recordatorio: Planear la acción vence", instance.getBusinessKey(),
                "2024-02-0");
        String body = plainText(spanish);
        assertThat(body).contains("/tasks/" + task.getId()).contains("Prueba de proceso agreed-action").contains("SRE");
        assertThat(GreenMailUtil.getWholeMessage(spanish)).contains("deadline.ics").contains("BEGIN:VCALENDAR");
        MimeMessage english = inLanguage(early, "en");
        assertThat(english.getSubject()).contains("Reminder: Plan the action is due");
        assertThat(plainText(english)).contains("Process test agreed-action").doesNotContain("Prueba");

        assertThat(recipients(fire(due.minusDays(2)))).hasSize(2);
        assertThat(recipients(fire(due))).hasSize(2);
        assertThat(recipients(fire(due.plusDays(3)))).contains("sresupervisor@compromiso.example",
                "statesupervisor@compromiso.example", "srecoordinator@compromiso.example");
        assertThat(recipients(fire(due.plusDays(7)))).contains("deskofficer@compromiso.example",
                "leadershipreader@compromiso.example");
        assertThat(deadlineJob()).as("no sixth reminder").isNull();

        var log = jdbc.sql("SELECT rule FROM reminder WHERE task_id = ? AND state = 'sent' ORDER BY fire_at")
                .param(task.getId()).query(String.class).list();
        assertThat(log).containsExactly("before-7d", "before-2d", "due", "escalate-supervisors", "escalate-desk");
        var history = jdbc.sql("""
                        SELECT h.action FROM commitment_history h JOIN commitment c ON c.id = h.commitment_id
                        WHERE c.code = ? AND h.action LIKE '%-sent' ORDER BY h.id""")
                .param(instance.getBusinessKey()).query(String.class).list();
        assertThat(history).containsExactly("reminder-sent", "reminder-sent", "reminder-sent", "escalation-sent",
                "escalation-sent");
    }

    @Test
    void noReminderAfterTheTaskIsCompleted() {
        driver.complete(instance, "Task_PlanAction");

        assertThat(deadlines.count(task.getId())).isZero();
        assertThat(deadlineJob()).isNull();
    }

    @Test
    void movingTheDueDateMovesTheReminders() {
        deadlines.moveDueDate(task.getId(), LocalDateTime.of(2024, 3, 1, 0, 0));

        assertThat(deadlines.count(task.getId())).isOne();
        assertThat(deadlineJob().getDuedate()).isEqualTo(date(LocalDateTime.of(2024, 2, 23, 0, 0)));
    }

    @Test
    void aMailServerOutageIsRetriedThenShownAsFailedAndTheReminderGoesOutOnceItIsBack() throws Exception {
        mailServer.stop();
        LocalDateTime due = LocalDateTime.of(2024, 2, 5, 0, 0);
        fireWithoutSending(due.minusDays(7));

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(sender.drain()).isOne();
            jdbc.sql("UPDATE reminder SET next_attempt_at = now() WHERE task_id = ? AND state = 'pending'")
                    .param(task.getId()).update();   // the wait between tries passes
        }
        var failed = jdbc.sql("SELECT state, attempts, last_error FROM reminder WHERE task_id = ?").param(task.getId())
                .query().singleRow();
        assertThat(failed.get("state")).isEqualTo("failed");
        assertThat(failed.get("attempts")).isEqualTo(5);
        assertThat((String) failed.get("last_error")).contains("Connect");
        assertThat(sender.drain()).as("a failed reminder waits for the operator").isZero();

        mailServer.start();
        long id = jdbc.sql("SELECT id FROM reminder WHERE task_id = ?").param(task.getId()).query(Long.class).single();
        jdbc.sql("UPDATE reminder SET state = 'pending', attempts = 0, next_attempt_at = now() WHERE id = ?")
                .param(id).update();
        assertThat(sender.drain()).isOne();
        assertThat(sender.drain()).isZero();
        assertThat(mailServer.getReceivedMessages()).hasSize(2);   // one mail per language, each once
        assertThat(Arrays.stream(mailServer.getReceivedMessages()).map(ReminderTest::messageId).distinct()).hasSize(2);
    }

    @Test
    void aProcessDeployedLaterWithoutCodeGetsTheDefaultReminders() {
        var model = Bpmn.createExecutableProcess("Trial_Deployed_Later").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Trial").camundaCandidateGroups("sre").camundaDueDate("P10D")
                .camundaFormRef(TrialForm.ID).camundaFormRefBinding("deployment")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("trial.bpmn", model)
                .addString(TrialForm.RESOURCE, TrialForm.JSON).deploy();

        var trial = engine.getRuntimeService().startProcessInstanceByKey("Trial_Deployed_Later");
        var trialTask = engine.getTaskService().createTaskQuery().processInstanceId(trial.getId()).singleResult();

        assertThat(deadlines.count(trialTask.getId())).isOne();
        var timer = deadlines.timer(trialTask.getId());
        assertThat(timer.getDuedate()).isEqualTo(date(LocalDateTime.of(2024, 1, 25, 0, 0)));   // 10 days - 7
    }

    @Test
    void aReminderWhoseDueDateMovedBeforeItWentOutIsNotSent() {
        fireWithoutSending(LocalDateTime.of(2024, 1, 29, 0, 0));
        deadlines.moveDueDate(task.getId(), LocalDateTime.of(2024, 3, 1, 0, 0));

        assertThat(sender.drain()).isOne();

        assertThat(mailServer.getReceivedMessages()).as("it would name the old due date").isEmpty();
        assertThat(jdbc.sql("SELECT state FROM reminder WHERE task_id = ?").param(task.getId()).query(String.class)
                .single()).isEqualTo("dropped");
    }

    @Test
    void afterDowntimePastSeveralRemindersOnlyTheLatestIsSent() throws Exception {
        LocalDateTime due = LocalDateTime.of(2024, 2, 5, 0, 0);
        ClockUtil.setCurrentTime(date(due.plusDays(4)));   // before-7d, before-2d, due and +3d have all passed

        deadlines.runDue(task.getId());
        assertThat(sender.drain()).isOne();

        var sent = jdbc.sql("SELECT rule FROM reminder WHERE task_id = ?").param(task.getId()).query(String.class).list();
        assertThat(sent).containsExactly("escalate-supervisors");
        assertThat(recipients(mailServer.getReceivedMessages())).contains("sresupervisor@compromiso.example");
        assertThat(deadlineJob().getDuedate()).as("the next one still waits for its day")
                .isEqualTo(date(due.plusDays(7)));
    }

    @Test
    void aModelMayChangeItsTasksRulesAndCountWorkingDays() {
        String model = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://compromiso.org/test">
                  <bpmn:process id="Trial_WorkingDays" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start_Trial"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Trial" targetRef="Task_Trial"/>
                    <bpmn:userTask id="Task_Trial" camunda:candidateGroups="sre" camunda:dueDate="${due}"
                        camunda:formRef="Form_Trial" camunda:formRefBinding="deployment">
                      <bpmn:extensionElements>
                        <camunda:properties>
                          <camunda:property name="reminders" value="before-2d, escalate-supervisors:P1D"/>
                          <camunda:property name="reminderDays" value="working"/>
                        </camunda:properties>
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Trial" targetRef="End_Trial"/>
                    <bpmn:endEvent id="End_Trial"/>
                  </bpmn:process>
                </bpmn:definitions>""";
        engine.getRepositoryService().createDeployment().addString("working-days.bpmn", model)
                .addString(TrialForm.RESOURCE, TrialForm.JSON).deploy();
        var mexicoCity = ZoneId.of("America/Mexico_City");
        // due Tuesday 6 February 2024; Monday the 5th is Constitution Day in Mexico
        var due = Date.from(LocalDateTime.of(2024, 2, 6, 9, 0).atZone(mexicoCity).toInstant());

        var trial = engine.getRuntimeService().startProcessInstanceByKey("Trial_WorkingDays", Map.of("due", due));
        var trialTask = engine.getTaskService().createTaskQuery().processInstanceId(trial.getId()).singleResult();

        var deadline = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("TaskDeadline")
                .processInstanceBusinessKey(trialTask.getId()).singleResult();
        assertThat(deadlines.timer(trialTask.getId()).getDuedate()).as("2 working days before")
                .isEqualTo(Date.from(LocalDateTime.of(2024, 2, 1, 9, 0).atZone(mexicoCity).toInstant()));
        assertThat(engine.getRuntimeService().getVariable(deadline.getId(), "schedule")).as("then 1 working day after")
                .isEqualTo("escalate-supervisors@"
                        + LocalDateTime.of(2024, 2, 7, 9, 0).atZone(mexicoCity).toInstant().toEpochMilli());
    }

    @Test
    void theRateCapsEachBatchAndTheLastMinuteOfAllNodes() {
        var taskIds = new TrialTasks(engine).start(5, "gsa", ClockUtil.getCurrentTime().toInstant().plusSeconds(3600));
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(7200)));
        new TrialTasks(engine).fireDueReminders();

        // 30 a minute, drained every 5 s: 2 per batch
        assertThat(sender.drain()).isEqualTo(2);
        // another node sent 27 mails in the last minute: 1 left of this minute's 30
        jdbc.sql("""
                        UPDATE reminder SET sent_at = now(), state = 'sent', sent_messages = array_fill('x'::text, ARRAY[27])
                        WHERE id = (SELECT min(id) FROM reminder WHERE task_id IN (:ids) AND state = 'pending')""")
                .param("ids", taskIds).update();
        assertThat(sender.drain()).isOne();
        assertThat(sender.drain()).as("this minute's 30 are gone").isZero();
    }

    @Test
    void aReminderThatCanReachNobodyIsAFailureNotASilentSend() {
        if (engine.getIdentityService().createUserQuery().userId("noMail").count() == 0) {
            engine.getIdentityService().saveUser(engine.getIdentityService().newUser("noMail"));
            engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("nomail"));
            engine.getIdentityService().createMembership("noMail", "nomail");
        }
        var taskIds = new TrialTasks(engine).start(1, "nomail", ClockUtil.getCurrentTime().toInstant().plusSeconds(3600));
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(7200)));
        new TrialTasks(engine).fireDueReminders();

        assertThat(sender.drain()).isOne();

        var row = jdbc.sql("SELECT state, last_error FROM reminder WHERE task_id = ?").param(taskIds.get(0)).query()
                .singleRow();
        assertThat(row.get("state")).isEqualTo("failed");
        assertThat((String) row.get("last_error")).contains("No recipient has an email address: noMail");
    }

    @Test
    void acrossADaylightSavingChangeAReminderKeepsTheAgencysLocalHour() {
        var model = Bpmn.createExecutableProcess("Trial_DaylightSaving").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Trial").camundaCandidateGroups("state").camundaDueDate("${due}")
                .camundaFormRef(TrialForm.ID).camundaFormRefBinding("deployment")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("daylight-saving.bpmn", model)
                .addString(TrialForm.RESOURCE, TrialForm.JSON).deploy();
        var washington = ZoneId.of("America/New_York");
        // due Tuesday 12 March 2024, 09:00 in Washington; clocks there went forward on Sunday the 10th
        var due = Date.from(LocalDateTime.of(2024, 3, 12, 9, 0).atZone(washington).toInstant());

        var trial = engine.getRuntimeService().startProcessInstanceByKey("Trial_DaylightSaving", Map.of("due", due));
        var trialTask = engine.getTaskService().createTaskQuery().processInstanceId(trial.getId()).singleResult();

        assertThat(deadlines.timer(trialTask.getId()).getDuedate().toInstant().atZone(washington).toLocalDateTime())
                .as("7 days before, at 09:00 there (a plain 7 × 24 h would say 08:00)")
                .isEqualTo(LocalDateTime.of(2024, 3, 5, 9, 0));
    }

    /** Moves the clock to the reminder's time, runs its timer (which writes the outbox), mails it; returns what arrived. */
    private MimeMessage[] fire(LocalDateTime at) throws Exception {
        mailServer.purgeEmailFromAllMailboxes();
        fireWithoutSending(at);
        assertThat(sender.drain()).isOne();
        return mailServer.getReceivedMessages();
    }

    private void fireWithoutSending(LocalDateTime at) {
        Job timer = deadlineJob();
        assertThat(timer.getDuedate()).as("reminder time").isEqualTo(date(at));
        ClockUtil.setCurrentTime(date(at));
        engine.getManagementService().executeJob(timer.getId());
    }

    private Job deadlineJob() {
        return deadlines.timer(task.getId());
    }

    private static List<String> recipients(MimeMessage[] messages) throws Exception {
        var addresses = new java.util.ArrayList<String>();
        for (MimeMessage message : messages) {
            Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .forEach(address -> { if (!addresses.contains(address)) addresses.add(address); });
        }
        return addresses;
    }

    /** The decoded plain-text part of a mail. */
    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain") && part.getFileName() == null) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static MimeMessage inLanguage(MimeMessage[] messages, String language) {
        return Arrays.stream(messages).filter(message -> messageId(message).startsWith("<" + language + "."))
                .findFirst().orElseThrow();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
