package org.compromiso.workflow;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.StagedOutcomes;
import org.compromiso.meetings.Meeting;
import org.compromiso.meetings.MeetingRepository;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterOutcomes: the meeting that the next-meeting process prepared took place; each outcome recorded
 * becomes a commitment of that meeting, with its own process: those imported from the meeting's catalog
 * ({@link StagedOutcomes}, as the desk's who imported them), then those typed into the form (as the coordinator's).
 * The outcomes were checked when Task_RecordOutcomes completed ({@link RecordOutcomesListener}). Safe to retry: what
 * exists is left alone.
 */
@Component
public class RegisterOutcomesDelegate implements JavaDelegate {

    private final CommitmentRegistry registry;
    private final StagedOutcomes staged;
    private final MeetingRepository meetings;
    private final Clock clock;

    RegisterOutcomesDelegate(CommitmentRegistry registry, StagedOutcomes staged, MeetingRepository meetings,
                             Clock clock) {
        this.registry = registry;
        this.staged = staged;
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var outcomes = RecordedOutcomes.of(execution, clock.getZone());
        var fromCatalog = staged.of(execution.getProcessInstanceId());
        // the catalog wrote its meeting: the typed outcomes belong to it too (Record outcomes checked its day)
        String meeting = fromCatalog.stream().map(outcome -> outcome.commitment().meetingCode()).findFirst()
                .orElse(outcomes.meetingCode());
        if (meetings.idOf(meeting).isEmpty()) {
            meetings.insert(new Meeting(meeting, "Bilateral meeting of " + outcomes.heldOn()
                    + " (prepared by " + outcomes.parentCode() + ")", outcomes.heldOn(), null,
                    String.valueOf(execution.getVariable("meetingPlace")), null, List.of(), Map.of()));
        }
        // the catalog's outcomes are the desk's, who imported them; the typed ones are the coordinator's
        fromCatalog.stream().filter(outcome -> !registry.isRegistered(outcome.commitment().code()))
                .forEach(outcome -> registry.register(outcome.commitment(), new Actor(outcome.stagedBy(), "engine")));
        var recorder = new Actor(recordedBy(execution), "engine");
        outcomes.commitments().values().stream().map(commitment -> commitment.inMeeting(meeting))
                .filter(commitment -> !registry.isRegistered(commitment.code()))
                .forEach(commitment -> registry.register(commitment, recorder));
        staged.clear(execution.getProcessInstanceId());
    }

    /**
     * Who completed Task_RecordOutcomes (the engine's log of the completion, else the task's assignee): the outcomes
     * are theirs, the engine only registers them.
     */
    private static String recordedBy(DelegateExecution execution) {
        var history = execution.getProcessEngineServices().getHistoryService();
        var recorded = history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(RecordOutcomesListener.TASK).finished().orderByHistoricTaskInstanceEndTime().desc()
                .unlimitedList().stream().findFirst();
        if (recorded.isEmpty()) {
            return "engine";
        }
        return history.createUserOperationLogQuery().taskId(recorded.get().getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).unlimitedList().stream()
                .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
                .or(() -> Optional.ofNullable(recorded.get().getAssignee())).orElse("engine");
    }
}
