package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.compromiso.commitments.CommitmentQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class AgreedActionProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    CommitmentQueries commitments;

    ProcessInstance instance;

    @BeforeEach
    void registerCommitment() {
        BpmnAwareTests.init(engine);
        driver.today(LocalDate.of(2024, 1, 22));
        instance = driver.register("agreed-action", Map.of("MX", "sre", "US", "state"), LocalDate.of(2024, 6, 30));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void planImplementReportAndVerify() {
        assertThat(instance).isWaitingAt("Task_PlanAction");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_PlanAction"))).containsExactlyInAnyOrder("sre", "state");
        assertThat(driver.task(instance, "Task_PlanAction").getDueDate()).isEqualTo(ProcessDriver.date(LocalDate.of(2024, 2, 5)));

        driver.complete(instance, "Task_PlanAction");
        assertThat(driver.task(instance, "Task_ImplementAction").getDueDate())
                .as("implementation is due on the commitment's target date")
                .isEqualTo(ProcessDriver.date(LocalDate.of(2024, 6, 30)));
        driver.complete(instance, "Task_ImplementAction");
        driver.complete(instance, "Task_ReportCompletion");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_VerifyCompletion"))).containsExactly("desk");
        driver.complete(instance, "Task_VerifyCompletion", Map.of("verified", "yes"));

        assertThat(instance).isEnded().hasPassed("End_ActionDone");
        var done = commitments.find(instance.getBusinessKey()).orElseThrow();
        assertThat(done.commitment().lifecycle()).as("a commitment whose process ended is done").isEqualTo("done");
        assertThat(done.history().get(done.history().size() - 1).action()).isEqualTo("done");
    }

    @Test
    void theDeskSendsAnUnverifiedCompletionBack() {
        driver.complete(instance, "Task_PlanAction");
        driver.complete(instance, "Task_ImplementAction");
        driver.complete(instance, "Task_ReportCompletion");
        driver.complete(instance, "Task_VerifyCompletion", Map.of("verified", "no"));

        assertThat(instance).isWaitingAt("Task_ImplementAction");
        driver.complete(instance, "Task_ImplementAction");
        driver.complete(instance, "Task_ReportCompletion");
        driver.complete(instance, "Task_VerifyCompletion", Map.of("verified", "yes"));
        assertThat(instance).isEnded();
    }

    @Test
    void implementationAsksForAProgressUpdateEveryMonth() {
        driver.complete(instance, "Task_PlanAction");
        var timer = driver.job(instance, "Timer_ProgressUpdate");
        assertThat(timer.getDuedate()).isEqualTo(ProcessDriver.date(LocalDate.of(2024, 2, 22)));

        driver.today(LocalDate.of(2024, 2, 22));
        driver.runJob(instance, "Timer_ProgressUpdate");

        assertThat(instance).isWaitingAt("Task_ImplementAction", "Task_ReportProgress");
        driver.complete(instance, "Task_ReportProgress", Map.of("percentComplete", 40L));
        assertThat(instance).isWaitingAt("Task_ImplementAction");
        assertThat(driver.job(instance, "Timer_ProgressUpdate").getDuedate())
                .as("the next update a month later").isEqualTo(ProcessDriver.date(LocalDate.of(2024, 3, 22)));
    }

    @Test
    void completionWithoutEvidenceIsRefused() {
        driver.complete(instance, "Task_PlanAction");
        driver.complete(instance, "Task_ImplementAction");

        var task = driver.task(instance, "Task_ReportCompletion");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
                        Map.of("completionSummary", "Done")))
                .hasMessageContaining("evidenceLink: is required");
        assertThat(instance).isWaitingAt("Task_ReportCompletion");
    }
}
