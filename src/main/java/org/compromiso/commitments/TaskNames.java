package org.compromiso.commitments;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
        if (description == null || task.isEmpty()) {
            return description;
        }
        String english = task.get().getDocumentations().stream().findFirst()
                .map(documentation -> documentation.getTextContent().strip()).orElse(null);
        String spanish = spanish(task.get(), SPANISH_PURPOSE).orElse(english);
        boolean fromTheModel = description.strip().equals(english) || description.strip().equals(spanish);
        if (!fromTheModel) {
            return description;
        }
        return "es".equals(language.getLanguage()) ? spanish : english;
    }

    /**
     * The task's name for a reader of this language: as {@link #of} names it, when the service named it (in
     * either language); as it is, when someone renamed the task.
     */
    public String forReader(String storedName, String commitmentCode, String processDefinitionId, String taskKey,
                            Locale language) {
        String wanted = of(commitmentCode, processDefinitionId, taskKey, language);
        if (wanted.equals(storedName)) {
            return wanted;
        }
        Locale other = "es".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("es");
        return of(commitmentCode, processDefinitionId, taskKey, other).equals(storedName) ? wanted : storedName;
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
