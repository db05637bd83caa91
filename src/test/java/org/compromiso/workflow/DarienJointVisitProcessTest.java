package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
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
class DarienJointVisitProcessTest {

    static final Map<String, Object> PANAMA_AGREES = Map.of("panamaAgrees", "yes", "visitDate", "2024-04-15");

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;

    ProcessInstance instance;

    @BeforeEach
    void registerCommitment() {
        BpmnAwareTests.init(engine);
        driver.today(LocalDate.of(2024, 1, 22));
        instance = driver.register("darien-joint-visit", Map.of("MX", "sre", "US", "state", "PA", "pamire"),
                LocalDate.of(2024, 6, 30));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theVisitIsPreparedTakesPlaceAndItsFindingsAreApproved() {
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ProposeVisitDates"))).containsExactly("sre");
        driver.complete(instance, "Task_ProposeVisitDates");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmPanamaParticipation"))).containsExactly("pamire");
        driver.complete(instance, "Task_ConfirmPanamaParticipation", PANAMA_AGREES);

        assertThat(instance).isWaitingAt("Task_ConfirmMexicanDelegation", "Task_ConfirmUsDelegation",
                "Task_ConfirmPanamanianDelegation");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmUsDelegation"))).containsExactly("state");
        driver.complete(instance, "Task_ConfirmMexicanDelegation");
        driver.complete(instance, "Task_ConfirmUsDelegation");
        driver.complete(instance, "Task_ConfirmPanamanianDelegation");
        driver.complete(instance, "Task_AgreeAgendaAndLogistics");
        assertThat(driver.task(instance, "Task_PrepareSecurityPlan").getDueDate())
                .as("the security plan is due a week before the visit")
                .isEqualTo(ProcessDriver.date(LocalDate.of(2024, 4, 8)));
        driver.complete(instance, "Task_PrepareSecurityPlan");

        assertThat(instance).isWaitingAt("Timer_VisitDate");
        driver.today(LocalDate.of(2024, 4, 15));
        driver.runJob(instance, "Timer_VisitDate");
        driver.complete(instance, "Task_RecordVisit", Map.of("visitTookPlace", "yes"));
        driver.complete(instance, "Task_DraftJointFindings");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_LeadershipReview"))).containsExactly("leadership");
        driver.complete(instance, "Task_LeadershipReview", Map.of("reviewDecision", "revise"));
        driver.complete(instance, "Task_DraftJointFindings");
        driver.complete(instance, "Task_LeadershipReview", Map.of("reviewDecision", "approve"));

        assertThat(instance).isEnded().hasPassed("End_VisitCompleted");
    }

    @Test
    void panamaDecliningTheDatesSendsThemBackToMexico() {
        driver.complete(instance, "Task_ProposeVisitDates");
        driver.complete(instance, "Task_ConfirmPanamaParticipation", Map.of("panamaAgrees", "no"));
        assertThat(instance).isWaitingAt("Task_ProposeVisitDates");
    }

    @Test
    void panamaSilentForThreeWeeksTriggersAFollowUpThatCanRetryOrAbandon() {
        driver.complete(instance, "Task_ProposeVisitDates");
        assertThat(driver.job(instance, "Timer_PanamaAnswerDeadline").getDuedate())
                .isEqualTo(ProcessDriver.date(LocalDate.of(2024, 2, 12)));

        driver.today(LocalDate.of(2024, 2, 12));
        driver.runJob(instance, "Timer_PanamaAnswerDeadline");
        assertThat(instance).isWaitingAt("Task_FollowUpWithPanama");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_FollowUpWithPanama"))).containsExactly("sre");
        driver.complete(instance, "Task_FollowUpWithPanama", Map.of("followUpOutcome", "retry"));
        assertThat(instance).isWaitingAt("Task_ConfirmPanamaParticipation");

        driver.today(LocalDate.of(2024, 3, 5));
        driver.runJob(instance, "Timer_PanamaAnswerDeadline");
        driver.complete(instance, "Task_FollowUpWithPanama", Map.of("followUpOutcome", "abandon"));
        assertThat(instance).isEnded().hasPassed("End_VisitNotAgreed");
    }

    @Test
    void aVisitThatDidNotTakePlaceIsProposedAgain() {
        driver.complete(instance, "Task_ProposeVisitDates");
        driver.complete(instance, "Task_ConfirmPanamaParticipation", PANAMA_AGREES);
        driver.complete(instance, "Task_ConfirmMexicanDelegation");
        driver.complete(instance, "Task_ConfirmUsDelegation");
        driver.complete(instance, "Task_ConfirmPanamanianDelegation");
        driver.complete(instance, "Task_AgreeAgendaAndLogistics");
        driver.complete(instance, "Task_PrepareSecurityPlan");
        driver.today(LocalDate.of(2024, 4, 16));
        driver.runJob(instance, "Timer_VisitDate");
        driver.complete(instance, "Task_RecordVisit", Map.of("visitTookPlace", "no"));

        assertThat(instance).isWaitingAt("Task_ProposeVisitDates");
    }
}
