package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class OtayCrossingProcessTest {

    static final List<String> MILESTONES = List.of("Permits", "Funding", "Construction", "Equipment", "Inspection",
            "ReportReady");
    static final LocalDate REGISTERED = LocalDate.of(2024, 1, 22);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;

    ProcessInstance instance;

    @BeforeEach
    void registerCommitment() {
        BpmnAwareTests.init(engine);
        driver.today(REGISTERED);
        instance = driver.register("otay-crossing", Map.of("MX", "sedena", "US", "gsa"), LocalDate.of(2027, 12, 31));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachSideWorksThroughItsMilestonesThenBothAgreeTheOpening() {
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmScopeAndOwners")))
                .as("both lead agencies").containsExactlyInAnyOrder("sedena", "gsa");
        assertDue("Task_ConfirmScopeAndOwners", REGISTERED.plusDays(30));
        driver.complete(instance, "Task_ConfirmScopeAndOwners");
        assertThat(instance).isWaitingAt("Task_MexicanPermits", "Task_UsPermits");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_MexicanPermits"))).containsExactly("sedena");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_UsPermits"))).containsExactly("gsa");
        assertDue("Task_MexicanPermits", REGISTERED.plusDays(90));
        assertDue("Task_UsPermits", REGISTERED.plusDays(90));

        MILESTONES.forEach(milestone -> driver.complete(instance, "Task_Mexican" + milestone));
        assertThat(instance).as("Mexico ready, the United States not yet").isWaitingAt("Task_UsPermits");
        assertThat(driver.job(instance, "Timer_MexicanProgressUpdate")).as("no updates asked of a finished side").isNull();
        MILESTONES.forEach(milestone -> driver.complete(instance, "Task_Us" + milestone));

        assertThat(driver.candidateGroups(driver.task(instance, "Task_AgreeOpeningDate")))
                .containsExactlyInAnyOrder("sedena", "gsa");
        assertDue("Task_AgreeOpeningDate", REGISTERED.plusDays(30));
        driver.complete(instance, "Task_AgreeOpeningDate", Map.of("openingDate", "2027-11-15"));
        assertThat(driver.candidateGroups(driver.task(instance, "Task_PrepareOpening")))
                .containsExactlyInAnyOrder("sedena", "gsa");
        assertDue("Task_PrepareOpening", LocalDate.of(2027, 11, 15));
        driver.complete(instance, "Task_PrepareOpening");
        driver.today(LocalDate.of(2027, 11, 15));
        driver.runJob(instance, "Timer_OpeningDate");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmEntryIntoOperation")))
                .containsExactlyInAnyOrder("sedena", "gsa");
        assertDue("Task_ConfirmEntryIntoOperation", LocalDate.of(2027, 11, 22));
        driver.complete(instance, "Task_ConfirmEntryIntoOperation");

        assertThat(instance).isEnded().hasPassed("End_CrossingInOperation");
    }

    @Test
    void eachSideIsAskedForAMonthlyProgressUpdateWhileItWorks() {
        driver.complete(instance, "Task_ConfirmScopeAndOwners");
        driver.today(LocalDate.of(2024, 2, 22));
        driver.runJob(instance, "Timer_MexicanProgressUpdate");
        driver.runJob(instance, "Timer_UsProgressUpdate");

        assertThat(driver.candidateGroups(driver.task(instance, "Task_MexicanProgressUpdate"))).containsExactly("sedena");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_UsProgressUpdate"))).containsExactly("gsa");
        assertDue("Task_MexicanProgressUpdate", LocalDate.of(2024, 2, 29));
        driver.complete(instance, "Task_MexicanProgressUpdate");
        driver.complete(instance, "Task_UsProgressUpdate");
        assertThat(instance).isWaitingAt("Task_MexicanPermits", "Task_UsPermits");
        assertThat(driver.job(instance, "Timer_UsProgressUpdate").getDuedate())
                .isEqualTo(ProcessDriver.date(LocalDate.of(2024, 3, 22)));
    }

    private void assertDue(String taskKey, LocalDate due) {
        driver.assertDue(instance, taskKey, due);
    }
}
