package org.compromiso.commitments;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.compromiso.engine.ModelProperties;
import org.springframework.stereotype.Component;

/**
 * What a task is called where people see it (Tasklist's cards, reminder mails): the commitment's code and short
 * title, then the step, in one language:
 * {@code MXUS-2401-DARIEN-VISIT · Realizar una visita conjunta al Darién con Panamá — Proponer fechas de la visita}.
 * A list of five "Plan the action" cards said nothing of which commitment each was. The step is the user task's
 * name in the model (English) or, in Spanish, its extension property {@code name.es}.
 */
@Component
public class TaskNames {

    /** The user task's extension property that names the step in Spanish. */
    public static final String SPANISH_NAME = "name.es";
    /** The user task's extension property that says, in Spanish, what the step is for (its documentation). */
    public static final String SPANISH_PURPOSE = "documentation.es";
    static final int SHORT_TITLE = 60;
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    // the engine's column for a task's name
    private static final int MAX_NAME = 255;

    private final CommitmentQueries commitments;
    private final RepositoryService repository;
    // a deployed process definition never changes
    private final Map<String, Optional<UserTask>> steps = new ConcurrentHashMap<>();

    TaskNames(CommitmentQueries commitments, RepositoryService repository) {
        this.commitments = commitments;
        this.repository = repository;
    }

    /** The name of this step of this process in this language, naming the commitment when the process has one. */
    public String of(String commitmentCode, String processDefinitionId, String taskKey, Locale language) {
        String step = step(processDefinitionId, taskKey, language);
        return Optional.ofNullable(commitmentCode)
                .flatMap(code -> commitments.title(code, language))
                .map(title -> name(commitmentCode, title, step))
                .orElse(step);
    }

    /** The step alone, as the model names it in this language. */
    public String step(String processDefinitionId, String taskKey, Locale language) {
        Optional<UserTask> task = userTask(processDefinitionId, taskKey);
        String english = task.map(UserTask::getName).orElse(taskKey);
        return "es".equals(language.getLanguage())
                ? task.flatMap(step -> spanish(step, SPANISH_NAME)).orElse(english) : english;
    }

    /**
     * What the step is for in this language; {@code description} is the task's own: the model's documentation, in
     * English or (saved back from a Spanish reader's screen) in Spanish, unless someone wrote their own, which is
     * then kept as they wrote it.
     */
    public String purpose(String processDefinitionId, String taskKey, String description, Locale language) {
        Optional<UserTask> task = userTask(processDefinitionId, taskKey);
        if (description == null || task.isEmpty() || !isModelsPurpose(task.get(), description)) {
            return description;
        }
        String english = englishPurpose(task.get());
        return "es".equals(language.getLanguage()) ? spanishPurpose(task.get()).orElse(english) : english;
    }

    /** Whether this description is the model's for the step, in either language (else someone wrote it). */
    public boolean isModelsPurpose(String processDefinitionId, String taskKey, String description) {
        return description != null && userTask(processDefinitionId, taskKey)
                .map(task -> isModelsPurpose(task, description)).orElse(false);
    }

    private static boolean isModelsPurpose(UserTask task, String description) {
        String given = description.strip();
        return given.equals(englishPurpose(task)) || spanishPurpose(task).map(given::equals).orElse(false);
    }

    /** The documentation as the engine makes it the task's description: each text trimmed, joined by a blank line. */
    private static String englishPurpose(UserTask task) {
        return task.getDocumentations().stream().map(documentation -> documentation.getTextContent().trim())
                .collect(Collectors.joining("\n\n")).strip();
    }

    private static Optional<String> spanishPurpose(UserTask task) {
        return spanish(task, SPANISH_PURPOSE).map(String::strip);
    }

    /**
     * The task's name for a reader of this language: as {@link #of} names it, when the service named it (in either
     * language, also before a later correction of the commitment's title); as it is, when someone renamed the task.
     */
    public String forReader(String storedName, String commitmentCode, String processDefinitionId, String taskKey,
                            Locale language) {
        return storedName == null || isServiceName(storedName, commitmentCode, processDefinitionId, taskKey)
                ? of(commitmentCode, processDefinitionId, taskKey, language) : storedName;
    }

    /** Whether the service gave this name to a task of this step (in either language), not a person. */
    public boolean isServiceName(String name, String commitmentCode, String processDefinitionId, String taskKey) {
        if (name == null) {
            return false;
        }
        for (Locale language : List.of(Locale.ENGLISH, SPANISH)) {
            String step = step(processDefinitionId, taskKey, language);
            boolean named = commitmentCode == null ? name.equals(step)
                    : name.startsWith(commitmentCode + " · ") && name.endsWith(" — " + step);
            if (named) {
                return true;
            }
        }
        return false;
    }

    private Optional<UserTask> userTask(String processDefinitionId, String taskKey) {
        return steps.computeIfAbsent(processDefinitionId + "#" + taskKey, key -> Optional.ofNullable(
                repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey)));
    }

    static String name(String commitmentCode, String title, String step) {
        String name = commitmentCode + " · " + shortened(title) + " — " + step;
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }

    /** A title that fits a Tasklist card: cut after its last whole word within {@value #SHORT_TITLE} characters. */
    static String shortened(String title) {
        String line = title.strip();
        if (line.length() <= SHORT_TITLE) {
            return line;
        }
        int lastSpace = line.lastIndexOf(' ', SHORT_TITLE - 1);
        return line.substring(0, lastSpace > 0 ? lastSpace : SHORT_TITLE - 1).replaceAll("[\\s,;:.]+$", "") + "…";
    }

    private static Optional<String> spanish(UserTask task, String name) {
        return ModelProperties.values(task, name).stream().filter(value -> value != null && !value.isBlank())
                .findFirst();
    }
}
