package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
class NextBilateralMeetingProcessTest {

    static final LocalDate REGISTERED = LocalDate.of(2024, 1, 22);

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
        driver.today(REGISTERED);
        instance = driver.register("next-meeting", Map.of("MX", "sre", "US", "state"), LocalDate.of(2024, 2, 29));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theMeetingIsPreparedHeldAndItsOutcomesBecomeCommitmentsWithProcesses() {
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ProposeMeetingDates"))).containsExactly("sre");
        driver.assertDue(instance, "Task_ProposeMeetingDates", REGISTERED.plusDays(7));
        driver.complete(instance, "Task_ProposeMeetingDates");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmDateAndVenue"))).containsExactly("state");
        driver.assertDue(instance, "Task_ConfirmDateAndVenue", REGISTERED.plusDays(7));
        driver.complete(instance, "Task_ConfirmDateAndVenue", Map.of("meetingDate", "2024-02-06", "venue", "Mexico City"));
        assertThat(driver.candidateGroups(driver.task(instance, "Task_ConfirmDelegations")))
                .as("both lead agencies").containsExactlyInAnyOrder("sre", "state");
        driver.assertDue(instance, "Task_ConfirmDelegations", REGISTERED.plusDays(14));
        driver.complete(instance, "Task_ConfirmDelegations");
        assertThat(driver.candidateGroups(driver.task(instance, "Task_AgreeAgenda")))
                .containsExactlyInAnyOrder("sre", "state");
        driver.assertDue(instance, "Task_AgreeAgenda", REGISTERED.plusDays(14));
        driver.complete(instance, "Task_AgreeAgenda");
        driver.assertDue(instance, "Task_PrepareBriefingBook", LocalDate.of(2024, 1, 30));   // a week before
        driver.complete(instance, "Task_PrepareBriefingBook");

        holdTheMeeting();
        assertThat(driver.candidateGroups(driver.task(instance, "Task_RecordOutcomes")))
                .containsExactlyInAnyOrder("sre", "state");
        driver.assertDue(instance, "Task_RecordOutcomes", LocalDate.of(2024, 2, 13));
        driver.complete(instance, "Task_RecordOutcomes", Map.of(
                "meetingHeldOn", "2024-02-07", "meetingPlace", "National Palace, Mexico City",
                "outcome1Title", "Agree timelines for implementation", "outcome1TargetDate", "2024-03-31",
                "outcome1Quote", "The delegations agreed timelines for implementation.",
                "outcome2Title", "Meet again with Guatemala", "outcome2LeadMX", "segobinm"));
        driver.runJob(instance, "Task_RegisterOutcomes");

        assertThat(instance).isEnded().hasPassed("End_MeetingHeld");
        String code = instance.getBusinessKey();
        var first = commitments.find(code + "-O1").orElseThrow();
        assertThat(first.commitment().meetingCode()).isEqualTo("MX-US-2024-02-07");
        assertThat(first.commitment().targetDate()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(first.commitment().provenance().quote()).isEqualTo("The delegations agreed timelines for implementation.");
        assertThat(first.openTasks()).extracting("taskDefinitionKey").containsExactly("Task_PlanAction");
        var second = commitments.find(code + "-O2").orElseThrow();
        assertThat(second.commitment().leadAgencies()).containsEntry("MX", "segobinm").containsEntry("US", "state");
        assertThat(second.commitment().continuing()).isTrue();
        assertThat(commitments.find(code + "-O3")).isEmpty();
        assertThat(commitments.find(code).orElseThrow().commitment().lifecycle()).isEqualTo("done");
    }

    @Test
    void outcomesThatCannotBecomeCommitmentsAreRefusedWhenRecordedNotLeftToAnIncident() {
        prepareTheMeeting();
        holdTheMeeting();
        var task = driver.task(instance, "Task_RecordOutcomes");

        assertThatThrownBy(() -> driver.complete(instance, "Task_RecordOutcomes", Map.of(
                "meetingHeldOn", "2024-02-07", "outcome1Title", "Agree timelines",
                "outcome1TargetDate", "2024-01-31")))
                .hasMessageContaining("outcome1TargetDate: must not be before the meeting (2024-02-07)");
        assertThatThrownBy(() -> driver.complete(instance, "Task_RecordOutcomes", Map.of(
                "meetingHeldOn", "2024-02-07", "outcome1Title", "Agree timelines",
                "outcome2Title", "Meet Guatemala", "outcome2LeadMX", "nobody")))
                .hasMessageContaining("outcome2LeadMX");
        assertThatThrownBy(() -> driver.complete(instance, "Task_RecordOutcomes", Map.of(
                "meetingHeldOn", "2024-02-07", "outcome1Title", "Agree timelines",
                "outcome1TargetDate", "end of March")))
                .hasMessageContaining("outcome1TargetDate");

        assertThat(driver.task(instance, "Task_RecordOutcomes").getId()).as("still open").isEqualTo(task.getId());
        assertThat(driver.job(instance, "Task_RegisterOutcomes")).isNull();
        driver.complete(instance, "Task_RecordOutcomes", Map.of("meetingHeldOn", "2024-02-07",
                "outcome1Title", "Agree timelines", "outcome1TargetDate", "2024-03-31"));
        driver.runJob(instance, "Task_RegisterOutcomes");
        assertThat(instance).isEnded();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .isZero();
    }

    private void prepareTheMeeting() {
        driver.complete(instance, "Task_ProposeMeetingDates");
        driver.complete(instance, "Task_ConfirmDateAndVenue", Map.of("meetingDate", "2024-02-06", "venue", "Mexico City"));
        driver.complete(instance, "Task_ConfirmDelegations");
        driver.complete(instance, "Task_AgreeAgenda");
        driver.complete(instance, "Task_PrepareBriefingBook");
    }

    private void holdTheMeeting() {
        driver.today(LocalDate.of(2024, 2, 6));
        driver.runJob(instance, "Timer_MeetingDate");
    }
}
