package org.compromiso.workflow;

import java.time.Clock;
import java.util.ArrayList;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.compromiso.commitments.CommitmentRegistry;
import org.springframework.stereotype.Component;

/**
 * Task_RecordOutcomes, on completion: refuses outcomes that could not become commitments (a target date before
 * the meeting, an unknown agency), while the coordinator can still correct them. Found later, in
 * Task_RegisterOutcomes' job, they would only end as an incident.
 */
@Component
public class RecordOutcomesListener implements TaskListener {

    private final CommitmentRegistry registry;
    private final Clock clock;

    RecordOutcomesListener(CommitmentRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        var outcomes = RecordedOutcomes.of(task, clock.getZone());
        var problems = new ArrayList<String>();
        if (outcomes.heldOn() == null) {
            problems.add("meetingHeldOn: is required");
        }
        outcomes.commitments().forEach((i, commitment) -> registry.problemsWith(commitment, outcomes.heldOn())
                .forEach(problem -> problems.add(formField(i, problem.field()) + ": " + problem.reason())));
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("Task " + task.getName() + " cannot be completed: "
                    + String.join("; ", problems));
        }
    }

    /** The commitment's field as the form names it: "leadAgencies.MX" of outcome 2 is "outcome2LeadMX". */
    private static String formField(int outcome, String field) {
        String suffix = field.startsWith("leadAgencies.") ? "Lead" + field.substring("leadAgencies.".length())
                : field.equals("targetDate") ? "TargetDate" : " " + field;
        return "outcome" + outcome + suffix;
    }
}
