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

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;

    ProcessInstance instance;

    @BeforeEach
    void registerCommitment() {
        BpmnAwareTests.init(engine);
        driver.today(LocalDate.of(2024, 1, 22));
        instance = driver.register("otay-crossing", Map.of("MX", "sedena", "US", "gsa"), LocalDate.of(2027, 12, 31));
        driver.complete(instance, "Task_ConfirmScopeAndOwners");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachSideWorksThroughItsMilestonesThenBothAgreeTheOpening() {
        assertThat(instance).isWaitingAt("Task_MexicanPermits", "Task_UsPermits");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_MexicanPermits"))).containsExactly("sedena");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_UsPermits"))).containsExactly("gsa");

        MILESTONES.forEach(milestone -> driver.complete(instance, "Task_Mexican" + milestone));
        assertThat(instance).as("Mexico ready, the United States not yet").isWaitingAt("Task_UsPermits");
        assertThat(driver.job(instance, "Timer_MexicanProgressUpdate")).as("no updates asked of a finished side").isNull();
        MILESTONES.forEach(milestone -> driver.complete(instance, "Task_Us" + milestone));

        driver.complete(instance, "Task_AgreeOpeningDate", Map.of("openingDate", "2027-11-15"));
        assertThat(driver.task(instance, "Task_PrepareOpening").getDueDate())
                .isEqualTo(ProcessDriver.date(LocalDate.of(2027, 11, 15)));
        driver.complete(instance, "Task_PrepareOpening");
        driver.today(LocalDate.of(2027, 11, 15));
        driver.runJob(instance, "Timer_OpeningDate");
        driver.complete(instance, "Task_ConfirmEntryIntoOperation");

        assertThat(instance).isEnded().hasPassed("End_CrossingInOperation");
    }

    @Test
    void eachSideIsAskedForAMonthlyProgressUpdateWhileItWorks() {
        driver.today(LocalDate.of(2024, 2, 22));
        driver.runJob(instance, "Timer_MexicanProgressUpdate");
        driver.runJob(instance, "Timer_UsProgressUpdate");

        assertThat(driver.candidateGroups(driver.task(instance, "Task_MexicanProgressUpdate"))).containsExactly("sedena");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_UsProgressUpdate"))).containsExactly("gsa");
        driver.complete(instance, "Task_MexicanProgressUpdate");
        driver.complete(instance, "Task_UsProgressUpdate");
        assertThat(instance).isWaitingAt("Task_MexicanPermits", "Task_UsPermits");
        assertThat(driver.job(instance, "Timer_UsProgressUpdate").getDuedate())
                .isEqualTo(ProcessDriver.date(LocalDate.of(2024, 3, 22)));
    }
}
