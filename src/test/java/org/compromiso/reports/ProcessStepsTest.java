package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** The steps ahead on the path, counted by hand from the drawings in bpmn/. */
class ProcessStepsTest {

    private static ProcessSteps.Model model(String file) {
        return new ProcessSteps.Model(Bpmn.readModelFromFile(new File("bpmn", file)));
    }

    @Test
    void anAgreedActionHasFourStepsAndItsProgressReportsAreBesideThePath() {
        var action = model("agreed-action.bpmn");

        assertThat(action.ahead(List.of("Task_PlanAction"))).isEqualTo(4);
        assertThat(action.ahead(List.of("Task_ImplementAction"))).as("from inside the subprocess").isEqualTo(3);
        assertThat(action.ahead(List.of("Task_VerifyCompletion"))).as("a refusal loops back: not counted").isOne();
        assertThat(action.recurring("Task_ReportProgress")).isTrue();
        assertThat(action.recurring("Task_ImplementAction")).isFalse();
    }

    @Test
    void theDarienVisitCountsEveryDelegationAndTheWayOnFromTheirJoinOnce() {
        var visit = model("darien-joint-visit.bpmn");

        assertThat(visit.ahead(List.of("Task_ProposeVisitDates"))).as("the way the visit succeeds").isEqualTo(10);
        assertThat(visit.ahead(List.of("Task_ConfirmPanamaParticipation"))).isEqualTo(9);
        assertThat(visit.ahead(List.of("Task_ConfirmMexicanDelegation", "Task_ConfirmUsDelegation",
                "Task_ConfirmPanamanianDelegation"))).isEqualTo(8);
        assertThat(visit.ahead(List.of("Task_ConfirmUsDelegation", "Task_ConfirmPanamanianDelegation")))
                .as("Mexico's delegation confirmed").isEqualTo(7);
        assertThat(visit.ahead(List.of("Task_FollowUpWithPanama"))).as("after the 21-day timer: retry").isEqualTo(10);
        assertThat(visit.recurring("Task_FollowUpWithPanama")).as("an interrupting timer: on the path").isFalse();
    }

    @Test
    void otayIICountsBothTracksToTheirJoinThenTheOpening() {
        var otay = model("otay-crossing.bpmn");

        assertThat(otay.ahead(List.of("Task_ConfirmScopeAndOwners"))).isEqualTo(16);
        assertThat(otay.ahead(List.of("Task_MexicanConstruction", "Task_UsPermits"))).isEqualTo(4 + 6 + 3);
        assertThat(otay.ahead(List.of("Task_UsPermits"))).as("the Mexican side waits at the join").isEqualTo(6 + 3);
        assertThat(otay.recurring("Task_MexicanProgressUpdate")).isTrue();
    }

    @Test
    void theNextMeetingIsSixStepsFromProposingDates() {
        assertThat(model("next-meeting.bpmn").ahead(List.of("Task_ProposeMeetingDates"))).isEqualTo(6);
    }
}
