package org.compromiso.workflow;

import java.time.Clock;
import java.util.ArrayList;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.FieldProblem;
import org.compromiso.commitments.NewCommitment;
import org.compromiso.commitments.StagedOutcomes;
import org.compromiso.engine.ProcessLock;
import org.compromiso.meetings.MeetingRepository;
import org.springframework.stereotype.Component;

/**
 * Task_RecordOutcomes, on completion: refuses outcomes that could not become commitments (a target date before
 * the meeting, an unknown agency), while the coordinator can still correct them. Found later, in
 * Task_RegisterOutcomes' job, they would only end as an incident. A meeting needs an outcome, typed here or
 * imported from its catalog ({@link StagedOutcomes}), and the date typed here must be that catalog's.
 */
@Component
public class RecordOutcomesListener implements TaskListener {

    /** The step this listener serves, in the next-meeting process. */
    public static final String TASK = "Task_RecordOutcomes";

    private final CommitmentRegistry registry;
    private final StagedOutcomes staged;
    private final MeetingRepository meetings;
    private final Clock clock;
    private final ProcessLock processes;

    RecordOutcomesListener(CommitmentRegistry registry, StagedOutcomes staged, MeetingRepository meetings,
                           Clock clock, ProcessLock processes) {
        this.registry = registry;
        this.staged = staged;
        this.meetings = meetings;
        this.clock = clock;
        this.processes = processes;
    }

    @Override
    public void notify(DelegateTask task) {
        // an import staging outcomes for this process at this moment commits them first, and they are read below
        processes.take(task.getProcessInstanceId());
        var outcomes = RecordedOutcomes.of(task, clock.getZone());
        var fromCatalog = staged.of(task.getProcessInstanceId()).stream().map(StagedOutcomes.Staged::commitment)
                .toList();
        var problems = new ArrayList<String>();
        if (outcomes.heldOn() == null) {
            problems.add("meetingHeldOn: is required");
        }
        if (outcomes.commitments().isEmpty() && fromCatalog.isEmpty()) {
            problems.add("outcome1Title: is required (no outcomes of this meeting were imported from a catalog)");
        }
        // the catalog's commitments belong to its meeting: the form's date must be that meeting's
        fromCatalog.stream().map(NewCommitment::meetingCode).distinct().flatMap(code -> meetings.find(code).stream())
                .filter(meeting -> outcomes.heldOn() != null && !meeting.heldOn().equals(outcomes.heldOn()))
                .forEach(meeting -> problems.add("meetingHeldOn: the outcomes imported from the catalog of "
                        + meeting.code() + " say the meeting was held on " + meeting.heldOn()));
        outcomes.commitments().forEach((i, commitment) -> registry.problemsWith(commitment, outcomes.heldOn())
                .forEach(problem -> problems.add(formField(i, problem.field()) + ": " + problem.reason())));
        // checked at the import, and again now: what changed since (a code registered meanwhile) must not end as an
        // incident of Task_RegisterOutcomes once this task is done
        for (var commitment : fromCatalog) {
            var found = new ArrayList<>(registry.problemsWith(commitment, outcomes.heldOn()));
            if (registry.isRegistered(commitment.code())) {
                found.add(new FieldProblem("code", "is registered already"));
            }
            found.forEach(problem -> problems.add("outcome " + commitment.code() + " imported from its meeting's"
                    + " catalog, " + problem.field() + ": " + problem.reason() + " (the desk corrects it by importing"
                    + " the catalog again)"));
        }
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
