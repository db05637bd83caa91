package org.compromiso.catalog;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentCorrections;
import org.compromiso.commitments.CommitmentQueries;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.FieldProblem;
import org.compromiso.commitments.NewCommitment;
import org.compromiso.commitments.StagedOutcomes;
import org.compromiso.engine.ProcessLock;
import org.compromiso.meetings.Meeting;
import org.compromiso.meetings.MeetingChange;
import org.compromiso.meetings.MeetingRepository;
import org.compromiso.parties.Parties;
import org.compromiso.workflow.RecordOutcomesListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports one meeting and its commitments from YAML or JSON, all or nothing. Every line is checked, commitments
 * already registered too, and every error is reported in one answer. A file that records the meeting a
 * next-meeting commitment prepared ({@code outcomesOf}) hands its new commitments to that commitment's process as
 * the meeting's outcomes: they are registered when its coordinator completes Record outcomes. What the file changes
 * in a registered meeting or commitment is applied as a correction, each field with its history entry; importing
 * the same file twice changes nothing.
 */
@Service
public class CatalogImport {

    /** Why a registered commitment changed, as its history shows it. */
    static final String CORRECTION_REASON = "corrected by a catalog import";

    private final ObjectMapper json;
    private final ObjectMapper yaml;
    private final Validator validator;
    private final Parties parties;
    private final MeetingRepository meetings;
    private final CommitmentRegistry registry;
    private final CommitmentCorrections corrections;
    private final CommitmentQueries commitments;
    private final StagedOutcomes staged;
    private final TaskService tasks;
    private final ProcessLock processes;

    CatalogImport(ObjectMapper mapper, Validator validator, Parties parties, MeetingRepository meetings,
                  CommitmentRegistry registry, CommitmentCorrections corrections, CommitmentQueries commitments,
                  StagedOutcomes staged, TaskService tasks, ProcessLock processes) {
        this.json = CatalogReader.json(mapper);
        this.yaml = CatalogReader.yaml(mapper);
        this.validator = validator;
        this.parties = parties;
        this.meetings = meetings;
        this.registry = registry;
        this.corrections = corrections;
        this.commitments = commitments;
        this.staged = staged;
        this.tasks = tasks;
        this.processes = processes;
    }

    /** A file as it was sent: UTF-8 unless a charset is declared (null: none). */
    @Transactional
    public ImportResult importBytes(byte[] bytes, Charset declared, Actor actor) {
        if (bytes == null || bytes.length == 0) {
            throw new CatalogRejectedException(List.of(new CatalogError(1, "", "the file is empty")));
        }
        return importText(CatalogText.decode(bytes, declared), actor);
    }

    @Transactional
    public ImportResult importText(String text, Actor actor) {
        return importText(text, true, actor);
    }

    /**
     * Registers what the file has that is not registered yet and leaves the rest as it is: the demo's seeds at each
     * start, which must not undo what the desk corrected since.
     */
    @Transactional
    public ImportResult registerMissing(String text, Actor actor) {
        return importText(text, false, actor);
    }

    private ImportResult importText(String text, boolean corrects, Actor actor) {
        var reader = new CatalogReader(json, yaml, validator, parties);
        CatalogFile file = reader.read(text);
        if (file == null) {
            throw new CatalogRejectedException(reader.errors());
        }
        // the commitments' rules are checked even when the meeting block is invalid, so one answer lists every error
        var plan = check(file, corrects, reader);
        // only new commitments are outcomes to hand over: a file imported again after they were registered corrects
        String outcomesProcess = file.outcomesOf() != null && !plan.toRegister().isEmpty()
                ? waitingForOutcomes(file.outcomesOf(), reader) : null;
        if (!reader.errors().isEmpty()) {
            throw new CatalogRejectedException(reader.errors());
        }
        return store(file, plan, outcomesProcess, actor);
    }

    /** What the file will write, once every check passed. */
    private record Plan(Optional<Meeting> storedMeeting, List<MeetingChange> meetingChanges,
                        List<NewCommitment> toRegister, List<NewCommitment> toCorrect, List<String> unchanged) {
    }

    private Plan check(CatalogFile file, boolean corrects, CatalogReader reader) {
        var stored = file.meeting() == null ? Optional.<Meeting>empty() : meetings.find(file.meeting().code());
        var meetingChanges = stored.filter(meeting -> corrects)
                .map(meeting -> meetings.differences(meeting, file.meeting())).orElse(List.of());
        stored.filter(meeting -> corrects).flatMap(meeting -> meetings.earliestTargetDate(meeting.code()))
                .filter(earliest -> file.heldOn() != null && earliest.isBefore(file.heldOn()))
                .ifPresent(earliest -> reader.error("/meeting/heldOn", "cannot move to " + file.heldOn()
                        + ": the meeting's commitments have target dates from " + earliest));
        // a new commitment is checked against the meeting as it will be: the file's when it corrects, else stored
        LocalDate heldOn = corrects ? file.heldOn() : stored.map(Meeting::heldOn).orElse(file.heldOn());
        var plan = new Plan(stored, meetingChanges, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (var entry : file.commitments().entrySet()) {
            var commitment = entry.getValue();
            String at = "/commitments/" + entry.getKey();
            if (!registry.isRegistered(commitment.code())) {
                report(registry.problemsWith(commitment, heldOn), at, reader);
                plan.toRegister().add(commitment);
            } else if (!corrects) {
                plan.unchanged().add(commitment.code());
            } else {
                var problems = corrections.problemsWith(commitment, file.heldOn());
                report(problems, at, reader);
                if (problems.isEmpty() && corrections.differences(commitment).isEmpty()) {
                    plan.unchanged().add(commitment.code());
                } else if (problems.isEmpty()) {
                    plan.toCorrect().add(commitment);
                }
            }
        }
        return plan;
    }

    /**
     * The process of the next-meeting commitment whose meeting the file records, when it waits at Record outcomes
     * (null, with the error, when it does not): its coordinator's completion registers the file's new commitments.
     */
    private String waitingForOutcomes(String commitment, CatalogReader reader) {
        var instance = commitments.processInstanceOf(commitment);
        if (instance.isEmpty()) {
            reader.error("/outcomesOf", "no commitment " + commitment + " is registered with a process");
            return null;
        }
        // taken before the step is looked at: a completion of Record outcomes either ended before (the step is
        // closed, refused below) or waits until these outcomes are staged and reads them (ProcessLock)
        boolean waiting = processes.take(instance.get()) && tasks.createTaskQuery().processInstanceId(instance.get())
                .taskDefinitionKey(RecordOutcomesListener.TASK).count() > 0;
        if (!waiting) {
            reader.error("/outcomesOf", commitment + " is not waiting for its meeting's outcomes (its step "
                    + RecordOutcomesListener.TASK + " is not open); import the commitments without outcomesOf to"
                    + " register them directly");
            return null;
        }
        return instance.get();
    }

    private static void report(List<FieldProblem> problems, String at, CatalogReader reader) {
        problems.forEach(problem -> reader.error(at + "/" + pointerOf(problem), problem.reason()));
    }

    /** "leadAgencies.MX", "contributingAgencies[0]" as a JSON pointer suffix. */
    private static String pointerOf(FieldProblem problem) {
        return problem.field().replace('.', '/').replace("[", "/").replace("]", "");
    }

    private ImportResult store(CatalogFile file, Plan plan, String outcomesProcess, Actor actor) {
        Meeting meeting = file.meeting();
        var corrected = new ArrayList<ImportResult.Corrected>();
        if (plan.storedMeeting().isEmpty()) {
            meetings.insert(meeting);
        } else if (!plan.meetingChanges().isEmpty()) {
            meetings.correct(meeting, plan.meetingChanges(), actor.userId(), actor.surface());
            plan.meetingChanges().forEach(change -> corrected.add(new ImportResult.Corrected(meeting.code(),
                    "meeting." + change.field(), change.from(), change.to())));
        }
        var registered = new ArrayList<String>();
        var recordedAsOutcomes = new ArrayList<String>();
        if (outcomesProcess != null) {
            staged.stage(outcomesProcess, plan.toRegister(), actor);
            plan.toRegister().forEach(commitment -> recordedAsOutcomes.add(commitment.code()));
        } else {
            for (var commitment : plan.toRegister()) {
                registry.register(commitment, actor);
                registered.add(commitment.code());
            }
        }
        for (var commitment : plan.toCorrect()) {
            corrections.apply(commitment, CORRECTION_REASON, actor).forEach(change -> corrected.add(
                    new ImportResult.Corrected(commitment.code(), change.field(), change.from(), change.to())));
        }
        return new ImportResult(meeting.code(), plan.storedMeeting().isEmpty(), registered, file.outcomesOf(),
                recordedAsOutcomes, plan.unchanged(),
                List.copyOf(corrected));
    }
}
