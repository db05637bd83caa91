package org.compromiso.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.commitments.CommitmentDetail;
import org.compromiso.commitments.CommitmentQueries;
import org.compromiso.commitments.CommitmentSummary;
import org.compromiso.commitments.TaskNames;
import org.compromiso.identity.AgencyDirectory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts together a task's {@link TaskContext}. The task is read as the signed-in user (the engine's authorizations
 * apply), so a coordinator learns nothing of another agency's task; the commitment behind a task they may read is
 * theirs to see.
 */
@Component
class TaskContexts {

    private static final List<String> LABELS = List.of("commitment", "agreed", "source", "target", "leads",
            "waitsOn", "due", "purpose", "answers");

    private final TaskService tasks;
    private final CommitmentQueries commitments;
    private final AgencyDirectory agencies;
    private final EarlierAnswers answers;
    private final TaskNames names;
    private final MessageSource messages;
    private final Clock clock;

    TaskContexts(TaskService tasks, CommitmentQueries commitments, AgencyDirectory agencies, EarlierAnswers answers,
                 TaskNames names, MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.names = names;
        this.commitments = commitments;
        this.agencies = agencies;
        this.answers = answers;
        this.messages = messages;
        this.clock = clock;
    }

    /** The context of this open task, if it exists, the user may read it and it serves a commitment. */
    Optional<TaskContext> of(String taskId, Locale locale) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return commitments.codeOf(task.getProcessInstanceId()).flatMap(commitments::find)
                .map(detail -> context(task, detail, locale));
    }

    private TaskContext context(Task task, CommitmentDetail detail, Locale locale) {
        CommitmentSummary commitment = detail.commitment();
        var leads = commitment.leadAgencies().entrySet().stream()
                .map(lead -> name(lead.getValue(), locale)).toList();
        var waitsOn = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull)
                .map(group -> name(group, locale)).toList();
        // the engine keeps one name and description per task; the reader gets theirs (a task shared by agencies of
        // both languages is named in English)
        var step = new TaskContext.Step(task.getId(), task.getTaskDefinitionKey(),
                names.of(commitment.code(), task.getProcessDefinitionId(), task.getTaskDefinitionKey(), locale),
                names.purpose(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getDescription(),
                        locale),
                task.getDueDate() == null ? null
                : day(LocalDate.ofInstant(task.getDueDate().toInstant(), clock.getZone()), locale));
        var provenance = commitment.provenance();
        var about = new TaskContext.Commitment(commitment.code(),
                commitments.title(commitment.code(), locale).orElse(commitment.title()), commitment.targetDate(),
                commitment.targetDate() == null ? null : day(commitment.targetDate(), locale),
                provenance.document(), provenance.quote(), provenance.language());
        return new TaskContext(step, about, leads, waitsOn, answers.of(task.getProcessDefinitionId(),
                task.getTaskDefinitionKey(), detail.history(), code -> name(code, locale), locale), labels(locale));
    }

    /** An agency by its name in this language; a group that is no agency (the desk) by its code. */
    private TaskContext.AgencyName name(String code, Locale locale) {
        return agencies.find(code).map(agency -> new TaskContext.AgencyName(agency.party(), code,
                        "es".equals(locale.getLanguage()) ? agency.nameEs() : agency.nameEn()))
                .orElseGet(() -> new TaskContext.AgencyName(null, code, code));
    }

    private static String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    private Map<String, String> labels(Locale locale) {
        var labels = new LinkedHashMap<String, String>();
        LABELS.forEach(key -> labels.put(key, messages.getMessage("context." + key, null, locale)));
        return labels;
    }
}
