package org.compromiso.workflow;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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
 * ({@link StagedOutcomes}), then those typed into the form. The outcomes were checked when Task_RecordOutcomes
 * completed ({@link RecordOutcomesListener}). Safe to retry: what exists is left alone.
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
        if (meetings.idOf(outcomes.meetingCode()).isEmpty()) {
            meetings.insert(new Meeting(outcomes.meetingCode(), "Bilateral meeting of " + outcomes.heldOn()
                    + " (prepared by " + outcomes.parentCode() + ")", outcomes.heldOn(), null,
                    String.valueOf(execution.getVariable("meetingPlace")), null, List.of(), Map.of()));
        }
        var actor = new Actor(recordedBy(execution), "engine");
        Stream.concat(staged.of(execution.getProcessInstanceId()).stream(), outcomes.commitments().values().stream())
                .filter(commitment -> !registry.isRegistered(commitment.code()))
                .forEach(commitment -> registry.register(commitment, actor));
    }

    /**
     * Who completed Task_RecordOutcomes (the engine's log of the completion, else the task's assignee): the outcomes
     * are theirs, the engine only registers them.
     */
    private static String recordedBy(DelegateExecution execution) {
        var history = execution.getProcessEngineServices().getHistoryService();
        var recorded = history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("Task_RecordOutcomes").finished().orderByHistoricTaskInstanceEndTime().desc()
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
