package org.compromiso.workflow;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.compromiso.meetings.Meeting;
import org.compromiso.meetings.MeetingRepository;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterOutcomes: the meeting that the next-meeting process prepared took place; each outcome recorded
 * becomes a commitment of that meeting, with its own process. Safe to retry: what exists is left alone.
 */
@Component
public class RegisterOutcomesDelegate implements JavaDelegate {

    static final int MAX_OUTCOMES = 5;

    private final CommitmentRegistry registry;
    private final MeetingRepository meetings;

    RegisterOutcomesDelegate(CommitmentRegistry registry, MeetingRepository meetings) {
        this.registry = registry;
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String parent = (String) execution.getVariable("commitmentCode");
        LocalDate heldOn = LocalDate.parse(String.valueOf(execution.getVariable("meetingHeldOn")).substring(0, 10));
        String meetingCode = "MX-US-" + heldOn;
        if (meetings.idOf(meetingCode).isEmpty()) {
            meetings.insert(new Meeting(meetingCode, "Bilateral meeting of " + heldOn + " (prepared by " + parent + ")",
                    heldOn, String.valueOf(execution.getVariable("meetingPlace")), null,
                    List.of(), Map.of()));
        }
        var actor = new Actor(recordedBy(execution), "engine");
        for (int i = 1; i <= MAX_OUTCOMES; i++) {
            Object title = execution.getVariable("outcome" + i + "Title");
            if (title == null || title.toString().isBlank()) {
                continue;
            }
            String code = parent + "-O" + i;
            if (!registry.isRegistered(code)) {
                registry.register(outcome(execution, i, code, meetingCode, title.toString()), actor);
            }
        }
    }

    /** Who completed Task_RecordOutcomes: the outcomes are theirs, the engine only registers them. */
    private static String recordedBy(DelegateExecution execution) {
        return execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey("Task_RecordOutcomes")
                .finished().orderByHistoricTaskInstanceEndTime().desc().list().stream()
                .map(task -> task.getAssignee()).filter(java.util.Objects::nonNull).findFirst().orElse("engine");
    }

    private static NewCommitment outcome(DelegateExecution execution, int i, String code, String meetingCode,
                                         String title) {
        var leads = new LinkedHashMap<String, String>();
        leads.put("MX", text(execution, "outcome" + i + "LeadMX", (String) execution.getVariable("leadAgencyMX")));
        leads.put("US", text(execution, "outcome" + i + "LeadUS", (String) execution.getVariable("leadAgencyUS")));
        String target = text(execution, "outcome" + i + "TargetDate", null);
        return new NewCommitment(code, meetingCode, title,
                "Agreed at the meeting prepared by " + execution.getVariable("commitmentCode") + ".",
                "agreed-action", leads, List.of(),
                target == null ? null : LocalDate.parse(target.substring(0, 10)),
                target == null ? null : "Date recorded with the meeting's outcomes.",
                target == null, "normal",
                new NewCommitment.Provenance("Outcome record of " + meetingCode,
                        text(execution, "outcome" + i + "Quote", title), "en"));
    }

    private static String text(DelegateExecution execution, String variable, String fallback) {
        Object value = execution.getVariable(variable);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
