package org.compromiso.commitments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of registered commitments: what was typed wrong is put right, each field with its history entry.
 * What the running process already acted on (kind, lead and contributing agencies, continuing) is refused with the
 * reason, and a target date moves only through the rules of {@link CommitmentRegistry#changeTargetDate}.
 */
@Service
public class CommitmentCorrections {

    private final CommitmentRules rules;
    private final CommitmentQueries queries;
    private final CommitmentRepository commitments;
    private final CommitmentHistory history;
    private final CommitmentRegistry registry;

    CommitmentCorrections(CommitmentRules rules, CommitmentQueries queries, CommitmentRepository commitments,
                          CommitmentHistory history, CommitmentRegistry registry) {
        this.rules = rules;
        this.queries = queries;
        this.commitments = commitments;
        this.history = history;
        this.registry = registry;
    }

    /**
     * Every rule the registered commitment breaks as the file has it, for a meeting held on this day, and every
     * change the file asks for that cannot be made; empty when the corrections may be applied.
     */
    public List<FieldProblem> problemsWith(NewCommitment corrected, LocalDate meetingHeldOn) {
        var stored = stored(corrected.code());
        var problems = new ArrayList<>(rules.check(corrected, meetingHeldOn));
        var broken = new TreeSet<String>();
        problems.forEach(problem -> broken.add(problem.field().split("[.\\[]")[0]));
        if (corrected.meetingCode() != null && !corrected.meetingCode().equals(stored.meetingCode())) {
            problems.add(new FieldProblem("code", "is registered in the meeting " + stored.meetingCode()
                    + "; a commitment does not move to another meeting"));
        }
        String running = "; its process is running with it";
        refuse(problems, broken, "kind", stored.kind(), corrected.kind(), "cannot change" + running);
        refuse(problems, broken, "continuing", stored.continuing(), corrected.continuing(), "cannot change" + running);
        refuse(problems, broken, "leadAgencies", new TreeSet<>(stored.leadAgencies().entrySet().stream()
                        .map(Map.Entry::toString).toList()),
                new TreeSet<>(corrected.leadAgencies().entrySet().stream().map(Map.Entry::toString).toList()),
                "cannot change by a correction: tasks were assigned to the lead agencies" + running);
        refuse(problems, broken, "contributingAgencies", new TreeSet<>(stored.contributingAgencies()),
                contributors(corrected), "cannot change by a correction" + running);
        if (!broken.contains("targetDate") && !Objects.equals(stored.targetDate(), corrected.targetDate())) {
            if (corrected.targetDate() == null) {
                problems.add(new FieldProblem("targetDate", "cannot be removed once set (it was "
                        + stored.targetDate() + ")"));
            } else if (!"open".equals(stored.lifecycle())) {
                problems.add(new FieldProblem("targetDate", "only an open commitment changes its target date; this"
                        + " one is " + stored.lifecycle().replace('_', ' ')));
            }
        }
        return problems;
    }

    private static void refuse(List<FieldProblem> problems, java.util.Set<String> broken, String field, Object stored,
                               Object corrected, String reason) {
        if (!broken.contains(field) && !Objects.equals(stored, corrected)) {
            problems.add(new FieldProblem(field, reason + " (registered: " + stored + ")"));
        }
    }

    private static TreeSet<String> contributors(NewCommitment commitment) {
        var contributors = new TreeSet<>(commitment.contributingAgencies());
        contributors.removeAll(commitment.leadAgencies().values());
        return contributors;
    }

    /** The fields the file changes, registered value first; empty when it says what is registered. */
    public List<Correction> differences(NewCommitment corrected) {
        var detail = queries.find(corrected.code()).orElseThrow(() -> new CommitmentNotFoundException(corrected.code()));
        var stored = detail.commitment();
        var changes = new ArrayList<Correction>();
        compare(changes, "title", stored.title(), corrected.title());
        compare(changes, "titleEs", detail.titleEs(), corrected.titleEs());
        compare(changes, "description", detail.description(), corrected.description());
        compare(changes, "targetDate", stored.targetDate(), corrected.targetDate());
        compare(changes, "targetBasis", detail.targetBasis(), corrected.targetBasis());
        compare(changes, "priority", stored.priority(), corrected.priority());
        compare(changes, "provenance.document", stored.provenance().document(), corrected.provenance().document());
        compare(changes, "provenance.quote", stored.provenance().quote(), corrected.provenance().quote());
        compare(changes, "provenance.language", stored.provenance().language(), corrected.provenance().language());
        return changes;
    }

    private static void compare(List<Correction> changes, String field, Object stored, Object corrected) {
        if (!Objects.equals(stored, corrected)) {
            changes.add(new Correction(field, stored == null ? null : stored.toString(),
                    corrected == null ? null : corrected.toString()));
        }
    }

    /** Applies what {@link #differences} finds, each field with its history entry; checked by {@link #problemsWith}. */
    @Transactional
    public List<Correction> apply(NewCommitment corrected, String reason, Actor actor) {
        var changes = differences(corrected);
        for (var change : changes) {
            if (change.field().equals("targetDate")) {
                registry.changeTargetDate(corrected.code(), corrected.targetDate(), reason, actor);
            } else {
                history.record(corrected.code(), actor, "corrected", detail(change), reason);
            }
        }
        if (changes.stream().anyMatch(change -> !change.field().equals("targetDate"))) {
            commitments.correct(corrected);
        }
        return changes;
    }

    /** Corrects just the title of a registered commitment (a typo, a better wording), with its history entry. */
    @Transactional
    public List<Correction> correctTitle(String code, String title, String reason, Actor actor) {
        var current = storedAsNew(code);
        return apply(new NewCommitment(current.code(), current.meetingCode(), title, current.description(),
                current.kind(), current.leadAgencies(), current.contributingAgencies(), current.targetDate(),
                current.targetBasis(), current.continuing(), current.priority(), current.provenance(), current.titleEs()),
                reason, actor);
    }

    private static Map<String, String> detail(Correction change) {
        var detail = new java.util.LinkedHashMap<String, String>();
        detail.put("field", change.field());
        detail.put("from", change.from());
        detail.put("to", change.to());
        return detail;
    }

    private CommitmentSummary stored(String code) {
        return queries.find(code).orElseThrow(() -> new CommitmentNotFoundException(code)).commitment();
    }

    private NewCommitment storedAsNew(String code) {
        var detail = queries.find(code).orElseThrow(() -> new CommitmentNotFoundException(code));
        var c = detail.commitment();
        return new NewCommitment(c.code(), c.meetingCode(), c.title(), detail.description(), c.kind(),
                c.leadAgencies(), c.contributingAgencies(), c.targetDate(), detail.targetBasis(), c.continuing(),
                c.priority(), c.provenance(), detail.titleEs());
    }
}
