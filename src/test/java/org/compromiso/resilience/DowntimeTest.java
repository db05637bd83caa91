package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.compromiso.TestDatabase;
import org.compromiso.workflow.TrialForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guarantee: reminders that fell due while the service was off fire once when it is back, and a repeating
 * timer (a progress update every day) fires once, not once for every period it missed.
 */
@Tag("resilience")
class DowntimeTest {

    private static final int SINGLE = 150;
    private static final int REPEATING = 50;
    private static final String REPEATING_MODEL = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://compromiso.org/test">
              <bpmn:process id="Trial_Repeating" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start_Trial"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Trial" targetRef="Task_Implement"/>
                <bpmn:userTask id="Task_Implement" camunda:candidateGroups="cbp" camunda:dueDate="P30D"
                               camunda:formRef="Form_Trial" camunda:formRefBinding="deployment">
                  <bpmn:extensionElements>
                    <camunda:properties><camunda:property name="reminders" value="none"/></camunda:properties>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:boundaryEvent id="Timer_ProgressUpdate" attachedToRef="Task_Implement" cancelActivity="false">
                  <bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Timer_ProgressUpdate" targetRef="Task_ReportProgress"/>
                <bpmn:userTask id="Task_ReportProgress" camunda:candidateGroups="cbp" camunda:dueDate="P3D"
                               camunda:formRef="Form_Trial" camunda:formRefBinding="deployment">
                  <bpmn:extensionElements>
                    <camunda:properties><camunda:property name="reminders" value="none"/></camunda:properties>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_ReportProgress" targetRef="End_Progress"/>
                <bpmn:endEvent id="End_Progress"/>
                <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_Implement" targetRef="End_Trial"/>
                <bpmn:endEvent id="End_Trial"/>
              </bpmn:process>
            </bpmn:definitions>""";

    private final TestDatabase database = TestDatabase.durable();

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        database.drop();
    }

    @Test
    void whatFellDueWhileTheServiceWasOffFiresOnceWhenItIsBack() {
        Instant before = Instant.parse("2024-05-06T15:00:00Z");
        Instant due = before.plus(Duration.ofDays(1));
        ClockUtil.setCurrentTime(Date.from(before));
        run(false, context -> {
            var engine = context.getBean(ProcessEngine.class);
            new TrialTasks(engine).start(SINGLE, "gsa", due);
            engine.getRepositoryService().createDeployment().addString("repeating.bpmn", REPEATING_MODEL)
                    .addString(TrialForm.RESOURCE, TrialForm.JSON).deploy();
            for (int i = 0; i < REPEATING; i++) {
                engine.getRuntimeService().startProcessInstanceByKey("Trial_Repeating");
            }
        });

        // off for five days: each reminder's time and five progress-update periods pass
        ClockUtil.setCurrentTime(Date.from(before.plus(Duration.ofDays(5))));
        run(true, context -> {
            var engine = context.getBean(ProcessEngine.class);
            var jdbc = context.getBean(JdbcClient.class);
            await().atMost(Duration.ofMinutes(2)).conditionEvaluationListener(condition -> {
                if (condition.getElapsedTimeInMS() % 10_000 < 200) {
                    System.out.println("DOWNTIME " + jdbc.sql("SELECT state || ':' || count(*) FROM reminder GROUP BY state")
                            .query(String.class).list() + " executable jobs "
                            + engine.getManagementService().createJobQuery().executable().count() + " all jobs "
                            + engine.getManagementService().createJobQuery().count() + " clock " + ClockUtil.getCurrentTime());
                }
            }).until(() -> jdbc.sql(
                    "SELECT count(*) FROM reminder WHERE state = 'sent' AND task_name = 'Trial task'").query(Long.class).single() == SINGLE);
            await().atMost(Duration.ofMinutes(1)).until(() -> engine.getManagementService().createJobQuery()
                    .executable().count() == 0);

            assertThat(jdbc.sql("SELECT count(*) FROM reminder WHERE task_name = 'Trial task'").query(Long.class).single())
                    .as("one reminder per task, once").isEqualTo(SINGLE);
            assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReportProgress").count())
                    .as("one progress update per repeating timer, not one per missed day").isEqualTo(REPEATING);
            assertThat(engine.getManagementService().createJobQuery().activityId("Timer_ProgressUpdate").list())
                    .hasSize(REPEATING)
                    .allSatisfy(job -> assertThat(job.getDuedate()).isAfter(ClockUtil.getCurrentTime()));
        });
    }

    private void run(boolean jobExecutor, Consumer<ConfigurableApplicationContext> work) {
        var settings = new java.util.LinkedHashMap<>(database.properties());
        settings.put("camunda.bpm.job-execution.enabled", String.valueOf(jobExecutor));
        settings.put("compromiso.reminders.rate-per-minute", "600000");
        settings.put("compromiso.reminders.send-interval", "PT0.5S");
        try (var context = InProcessService.start("downtime", settings)) {
            work.accept(context);
        }
    }
}
