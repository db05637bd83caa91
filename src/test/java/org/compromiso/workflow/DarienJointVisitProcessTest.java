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
        assertDue("Task_ProposeVisitDates", REGISTERED.plusDays(14));
        driver.complete(instance, "Task_ProposeVisitDates");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmPanamaParticipation"))).containsExactly("pamire");
        assertDue("Task_ConfirmPanamaParticipation", REGISTERED.plusDays(14));
        driver.complete(instance, "Task_ConfirmPanamaParticipation", PANAMA_AGREES);

        assertThat(instance).isWaitingAt("Task_ConfirmMexicanDelegation", "Task_ConfirmUsDelegation",
                "Task_ConfirmPanamanianDelegation");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmMexicanDelegation"))).containsExactly("sre");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmUsDelegation"))).containsExactly("state");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmPanamanianDelegation"))).containsExactly("pamire");
        assertDue("Task_ConfirmUsDelegation", REGISTERED.plusDays(14));
        driver.complete(instance, "Task_ConfirmMexicanDelegation");
        driver.complete(instance, "Task_ConfirmUsDelegation");
        driver.complete(instance, "Task_ConfirmPanamanianDelegation");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_AgreeAgendaAndLogistics")))
                .as("all three lead agencies").containsExactlyInAnyOrder("sre", "state", "pamire");
        assertDue("Task_AgreeAgendaAndLogistics", REGISTERED.plusDays(14));
        driver.complete(instance, "Task_AgreeAgendaAndLogistics");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_PrepareSecurityPlan")))
                .containsExactlyInAnyOrder("sre", "state", "pamire");
        assertDue("Task_PrepareSecurityPlan", LocalDate.of(2024, 4, 8));   // a week before the visit
        driver.complete(instance, "Task_PrepareSecurityPlan");

        assertThat(instance).isWaitingAt("Timer_VisitDate");
        driver.today(LocalDate.of(2024, 4, 15));
        driver.runJob(instance, "Timer_VisitDate");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_RecordVisit")))
                .containsExactlyInAnyOrder("sre", "state", "pamire");
        assertDue("Task_RecordVisit", LocalDate.of(2024, 4, 22));
        driver.complete(instance, "Task_RecordVisit", Map.of("visitTookPlace", "yes"));
        assertDue("Task_DraftJointFindings", LocalDate.of(2024, 5, 15));
        driver.complete(instance, "Task_DraftJointFindings");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_LeadershipReview"))).containsExactly("leadership");
        assertDue("Task_LeadershipReview", LocalDate.of(2024, 4, 22));
        driver.complete(instance, "Task_LeadershipReview", Map.of("reviewDecision", "revise"));
        driver.complete(instance, "Task_DraftJointFindings");
        driver.complete(instance, "Task_LeadershipReview", Map.of("reviewDecision", "approve"));

        assertThat(instance).isEnded().hasPassed("End_VisitCompleted");
    }

    @Test
    void panamaDecliningTheDatesSendsThemBackToMexicoUntilItAgrees() {
        driver.complete(instance, "Task_ProposeVisitDates");
        driver.today(LocalDate.of(2024, 1, 29));
        driver.complete(instance, "Task_ConfirmPanamaParticipation", Map.of("panamaAgrees", "no"));

        assertThat(instance).isWaitingAt("Task_ProposeVisitDates");
        assertDue("Task_ProposeVisitDates", LocalDate.of(2024, 2, 12));
        driver.complete(instance, "Task_ProposeVisitDates");
        driver.complete(instance, "Task_ConfirmPanamaParticipation", PANAMA_AGREES);
        prepareAndHoldTheVisit();

        assertThat(instance).isEnded().hasPassed("End_VisitCompleted");
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
        assertDue("Task_FollowUpWithPanama", LocalDate.of(2024, 2, 19));
        driver.complete(instance, "Task_FollowUpWithPanama", Map.of("followUpOutcome", "retry"));
        assertThat(instance).isWaitingAt("Task_ConfirmPanamaParticipation");
        assertDue("Task_ConfirmPanamaParticipation", LocalDate.of(2024, 2, 26));

        driver.today(LocalDate.of(2024, 3, 5));
        driver.runJob(instance, "Timer_PanamaAnswerDeadline");
        driver.complete(instance, "Task_FollowUpWithPanama", Map.of("followUpOutcome", "abandon"));
        assertThat(instance).isEnded().hasPassed("End_VisitNotAgreed");
    }

    @Test
    void panamaAnsweringAfterAFollowUpLeadsToTheVisit() {
        driver.complete(instance, "Task_ProposeVisitDates");
        driver.today(LocalDate.of(2024, 2, 12));
        driver.runJob(instance, "Timer_PanamaAnswerDeadline");
        driver.complete(instance, "Task_FollowUpWithPanama", Map.of("followUpOutcome", "retry"));
        driver.complete(instance, "Task_ConfirmPanamaParticipation", PANAMA_AGREES);
        prepareAndHoldTheVisit();

        assertThat(instance).isEnded().hasPassed("Task_FollowUpWithPanama", "End_VisitCompleted");
    }

    @Test
    void aVisitThatDidNotTakePlaceIsProposedAgainAndThenHeld() {
        driver.complete(instance, "Task_ProposeVisitDates");
        driver.complete(instance, "Task_ConfirmPanamaParticipation", PANAMA_AGREES);
        prepareTheVisit();
        driver.today(LocalDate.of(2024, 4, 16));
        driver.runJob(instance, "Timer_VisitDate");
        driver.complete(instance, "Task_RecordVisit", Map.of("visitTookPlace", "no"));

        assertThat(instance).isWaitingAt("Task_ProposeVisitDates");
        assertDue("Task_ProposeVisitDates", LocalDate.of(2024, 4, 30));
        driver.complete(instance, "Task_ProposeVisitDates");
        driver.complete(instance, "Task_ConfirmPanamaParticipation", Map.of("panamaAgrees", "yes",
                "visitDate", "2024-06-10"));
        prepareTheVisit();
        holdTheVisit(LocalDate.of(2024, 6, 10));

        assertThat(instance).isEnded().hasPassed("End_VisitCompleted");
    }

    /** From Panama's agreement (visit on 15 April) to the approved findings. */
    private void prepareAndHoldTheVisit() {
        prepareTheVisit();
        holdTheVisit(LocalDate.of(2024, 4, 15));
    }

    private void holdTheVisit(LocalDate visitDate) {
        driver.today(visitDate);
        driver.runJob(instance, "Timer_VisitDate");
        driver.complete(instance, "Task_RecordVisit", Map.of("visitTookPlace", "yes"));
        driver.complete(instance, "Task_DraftJointFindings");
        driver.complete(instance, "Task_LeadershipReview", Map.of("reviewDecision", "approve"));
    }

    private void prepareTheVisit() {
        driver.complete(instance, "Task_ConfirmMexicanDelegation");
        driver.complete(instance, "Task_ConfirmUsDelegation");
        driver.complete(instance, "Task_ConfirmPanamanianDelegation");
        driver.complete(instance, "Task_AgreeAgendaAndLogistics");
        driver.complete(instance, "Task_PrepareSecurityPlan");
        assertThat(instance).isWaitingAt("Timer_VisitDate");
    }

    private void assertDue(String taskKey, LocalDate due) {
        driver.assertDue(instance, taskKey, due);
    }
}
