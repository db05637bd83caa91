package org.compromiso.commitments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers commitments and changes their course. Each change and its history entry, and the process it starts
 * or stops, commit together or not at all (the engine joins Spring's transaction).
 */
@Service
public class CommitmentRegistry {

    private final CommitmentRules rules;
    private final CommitmentRepository commitments;
    private final CommitmentKinds kinds;
    private final CommitmentHistory history;
    private final RuntimeService runtime;
    private final CommitmentProperties properties;
    private final ProcessDates processDates;
    private final Clock clock;

    CommitmentRegistry(CommitmentRules rules, CommitmentRepository commitments, CommitmentKinds kinds,
                       CommitmentHistory history, RuntimeService runtime, CommitmentProperties properties,
                       ProcessDates processDates, Clock clock) {
        this.rules = rules;
        this.commitments = commitments;
        this.kinds = kinds;
        this.history = history;
        this.runtime = runtime;
        this.properties = properties;
        this.processDates = processDates;
        this.clock = clock;
    }

    /** Every rule the commitment breaks; empty when it may be registered. */
    public List<FieldProblem> problemsWith(NewCommitment commitment) {
        return rules.check(commitment);
    }

    /** The same, for a commitment of a meeting not registered yet, held on this day (null: unknown). */
    public List<FieldProblem> problemsWith(NewCommitment commitment, LocalDate meetingHeldOn) {
        return rules.check(commitment, meetingHeldOn);
    }

    public boolean isRegistered(String code) {
        return commitments.exists(code);
    }

    /** Stores the commitment and starts the process of its kind, with the commitment code as business key. */
    @Transactional
    public String register(NewCommitment commitment, Actor actor) {
        var problems = rules.check(commitment);
        if (!problems.isEmpty()) {
            throw new InvalidCommitmentException(problems);
        }
        if (commitments.exists(commitment.code())) {
            throw new DuplicateCommitmentException(commitment.code());
        }
        var kind = kinds.find(commitment.kind()).orElseThrow();
        commitments.insert(commitment);
        var detail = new LinkedHashMap<String, Object>();
        detail.put("kind", commitment.kind());
        detail.put("title", commitment.title());
        detail.put("leadAgencies", commitment.leadAgencies());
        if (commitment.targetDate() != null) {
            detail.put("targetDate", commitment.targetDate().toString());
        }
        history.record(commitment.code(), actor, "registered", detail, null);
        String instanceId = runtime.startProcessInstanceByKey(kind.processKey(), commitment.code(),
                startVariables(commitment)).getId();
        commitments.setProcessInstance(commitment.code(), instanceId);
        return instanceId;
    }

    /** Moves an open commitment's target date, and with it the due dates in its process that came from it. */
    @Transactional
    public void changeTargetDate(String code, LocalDate targetDate, String reason, Actor actor) {
        requireReason(reason, "reason");
        var before = rules.targetDateOf(code);
        var problems = rules.checkTargetDate(code, targetDate);
        if (!problems.isEmpty()) {
            throw new InvalidCommitmentException(problems);
        }
        if (!commitments.changeTargetDate(code, targetDate)) {
            throw new InvalidCommitmentException(List.of(
                    new FieldProblem("lifecycle", "only an open commitment can change its target date")));
        }
        history.record(code, actor, "target-date-changed",
                Map.of("from", String.valueOf(before.orElse(null)), "to", targetDate.toString()), reason);
        processDates.moveTargetDate(code, toDate(targetDate));
    }

    /** The commitment's process ended without being cancelled: it is done, unless the desk closed it already. */
    @Transactional
    public void recordProcessEnded(String code, String processInstanceId, Actor actor) {
        if (commitments.markDone(code, processInstanceId)) {
            history.record(code, actor, "done", Map.of("processInstanceId", processInstanceId), null);
        }
    }

    @Transactional
    public void closeAsNotImplemented(String code, String justification, Actor actor) {
        close(code, "not_implemented", "closed-not-implemented", justification, "justification", actor);
    }

    @Transactional
    public void cancel(String code, String reason, Actor actor) {
        close(code, "cancelled", "cancelled", reason, "reason", actor);
    }

    private void close(String code, String lifecycle, String action, String reason, String reasonField, Actor actor) {
        requireReason(reason, reasonField);
        if (!commitments.exists(code)) {
            throw new CommitmentNotFoundException(code);
        }
        if (!commitments.close(code, lifecycle, reason)) {
            throw new InvalidCommitmentException(List.of(
                    new FieldProblem("lifecycle", "only an open commitment can be closed")));
        }
        history.record(code, actor, action, Map.of(), reason);
        // a commitment has one process: exempt from the engine's query-max-results-limit for logged-in users
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).unlimitedList()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), action + ": " + reason));
    }

    private static void requireReason(String reason, String field) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidCommitmentException(List.of(new FieldProblem(field, "must not be blank")));
        }
    }

    private VariableMap startVariables(NewCommitment commitment) {
        var variables = Variables.createVariables()
                .putValue("commitmentCode", commitment.code())
                .putValue("leadAgencies", String.join(",", commitment.leadAgencies().values()))
                .putValue("progressUpdateCycle", properties.progressUpdateCycle());
        commitment.leadAgencies().forEach((party, agency) -> variables.putValue("leadAgency" + party, agency));
        LocalDate target = commitment.targetDate() != null ? commitment.targetDate()
                : LocalDate.now(clock).plus(properties.continuingReview());
        variables.putValue(ProcessDates.TARGET_DATE, toDate(target));
        return variables;
    }

    private Date toDate(LocalDate date) {
        return Date.from(date.atStartOfDay(clock.getZone()).toInstant());
    }
}
