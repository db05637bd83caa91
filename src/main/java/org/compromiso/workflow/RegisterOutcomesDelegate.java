package org.compromiso.workflow;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.meetings.Meeting;
import org.compromiso.meetings.MeetingRepository;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterOutcomes: the meeting that the next-meeting process prepared took place; each outcome recorded
 * becomes a commitment of that meeting, with its own process. The outcomes were checked when Task_RecordOutcomes
 * completed ({@link RecordOutcomesListener}). Safe to retry: what exists is left alone.
 */
@Component
public class RegisterOutcomesDelegate implements JavaDelegate {

    private final CommitmentRegistry registry;
    private final MeetingRepository meetings;
    private final Clock clock;

    RegisterOutcomesDelegate(CommitmentRegistry registry, MeetingRepository meetings, Clock clock) {
        this.registry = registry;
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
        outcomes.commitments().values().stream()
                .filter(commitment -> !registry.isRegistered(commitment.code()))
                .forEach(commitment -> registry.register(commitment, actor));
    }

    /** Who completed Task_RecordOutcomes: the outcomes are theirs, the engine only registers them. */
    private static String recordedBy(DelegateExecution execution) {
        return execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey("Task_RecordOutcomes")
                .finished().orderByHistoricTaskInstanceEndTime().desc().unlimitedList().stream()
                .map(task -> task.getAssignee()).filter(java.util.Objects::nonNull).findFirst().orElse("engine");
    }
}
