package org.compromiso.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.compromiso.commitments.HistoryEntry;
import org.compromiso.commitments.TaskNames;
import org.compromiso.engine.ModelProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The answers of the earlier steps a step answers, read-only: a user task names them in its property
 * {@code answers} (task ids, comma-separated), and each one's latest completion in the commitment's history gives
 * the values, labelled as that step's form labels them. They are shown beside the form, never put into its
 * fields: what Panama answers is Panama's, not a copy of what SRE proposed.
 */
@Component
class EarlierAnswers {

    static final String PROPERTY = "answers";

    private final RepositoryService repository;
    private final TaskNames names;
    private final TaskForms forms;
    private final MessageSource messages;
    private final Clock clock;

    EarlierAnswers(RepositoryService repository, TaskForms forms, MessageSource messages, Clock clock,
                   TaskNames names) {
        this.repository = repository;
        this.names = names;
        this.forms = forms;
        this.messages = messages;
        this.clock = clock;
    }

    /** The ids of the steps that this user task answers, as its model names them. */
    List<String> answeredBy(String processDefinitionId, String taskKey) {
        UserTask task = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
        return ModelProperties.values(task, PROPERTY).stream()
                .flatMap(value -> Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty()))
                .toList();
    }

    List<TaskContext.Answer> of(String processDefinitionId, String taskKey, List<HistoryEntry> history,
                                Function<String, TaskContext.AgencyName> agencies, Locale locale) {
        var answers = new ArrayList<TaskContext.Answer>();
        for (String answered : answeredBy(processDefinitionId, taskKey)) {
            latestCompletion(history, answered).ifPresent(entry ->
                    answers.add(answer(processDefinitionId, answered, entry, agencies, locale)));
        }
        return answers;
    }

    private static Optional<HistoryEntry> latestCompletion(List<HistoryEntry> history, String taskKey) {
        HistoryEntry latest = null;
        for (HistoryEntry entry : history) {
            if ("task-completed".equals(entry.action()) && taskKey.equals(entry.detail().get("task"))) {
                latest = entry;
            }
        }
        return Optional.ofNullable(latest);
    }

    private TaskContext.Answer answer(String processDefinitionId, String taskKey, HistoryEntry entry,
                                      Function<String, TaskContext.AgencyName> agencies, Locale locale) {
        var recorded = entry.detail().get("values") instanceof Map<?, ?> map ? map : Map.of();
        var values = new ArrayList<TaskContext.Value>();
        forms.of(processDefinitionId, taskKey, locale).ifPresent(form -> form.fields().forEach(field -> {
            Object value = recorded.get(field.key());
            if (value != null && !value.toString().isBlank() && !Boolean.FALSE.equals(value)) {
                values.add(new TaskContext.Value(field.key(), field.label() != null ? field.label() : field.key(),
                        shown(form, field, value, locale)));
            }
        }));
        var agency = entry.detail().get("agency") instanceof String code ? agencies.apply(code) : null;
        // the step as the reader calls it: the recorded task name also names the commitment, in its agency's language
        String taskName = names.step(processDefinitionId, taskKey, locale);
        String at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(entry.at().atZoneSameInstant(clock.getZone()));
        String heading = messages.getMessage("context.answered", new Object[] {taskName,
                agency != null ? agency.name() : entry.actor(), at}, locale);
        return new TaskContext.Answer(taskKey, heading, entry.actor(), agency, at, values);
    }

    private String shown(TaskForm form, TaskForm.Field field, Object value, Locale locale) {
        if (Boolean.TRUE.equals(value)) {
            return messages.getMessage("context.yes", null, locale);
        }
        if ("datetime".equals(field.type())) {
            LocalDate day = day(value);
            if (day != null) {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
            }
        }
        // a choice as the reader's form shows it ("Sí", not "yes")
        return form.shown(field.key(), value.toString());
    }

    /** A date as the history keeps it: yyyy-MM-dd as Tasklist sends it, or a Date written as an instant. */
    private LocalDate day(Object value) {
        try {
            if (value instanceof Number epochMillis) {
                return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis.longValue()), clock.getZone());
            }
            String text = value.toString();
            return text.length() == 10 ? LocalDate.parse(text)
                    : OffsetDateTime.parse(text).atZoneSameInstant(clock.getZone()).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
