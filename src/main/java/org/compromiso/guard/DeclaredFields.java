package org.compromiso.guard;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.compromiso.engine.ServiceWork;
import org.compromiso.engine.TaskLookup;
import org.compromiso.workflow.TaskForm;
import org.compromiso.workflow.TaskForms;
import org.springframework.stereotype.Component;

/**
 * What a completion of a task may set: the fields of its form, never a variable that decides who gets a task
 * (those named in any user task's candidate groups, candidate users or assignee, such as {@code leadAgencyMX}).
 */
@Component
public class DeclaredFields {

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([A-Za-z_]\\w*)");

    private final TaskLookup tasks;
    private final RepositoryService repository;
    private final TaskForms forms;
    private final ServiceWork serviceWork;
    private final Map<String, Set<String>> assignmentVariables = new ConcurrentHashMap<>();

    DeclaredFields(TaskLookup tasks, RepositoryService repository, TaskForms forms, ServiceWork serviceWork) {
        this.tasks = tasks;
        this.repository = repository;
        this.forms = forms;
        this.serviceWork = serviceWork;
    }

    /**
     * The first of these names that a completion of this task may not set; empty when all are fields of its form,
     * or when the task is not open (the engine answers that itself).
     */
    public Optional<String> undeclared(String taskId, Collection<String> names) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        // the service's own reading of the task and its model, not the user's: whether the user may complete the task
        // is the engine's to say in the completion itself. As the user, each of these reads was a command of its own
        // whose authorization check first scanned every group holding any grant (ACT_RU_AUTHORIZATION), which made
        // two of the three such scans of a completion
        return serviceWork.asService(() -> {
            Task task = tasks.byId(taskId).orElse(null);
            if (task == null) {
                return Optional.empty();
            }
            if (task.getProcessDefinitionId() == null) {
                // a task of no process has no form: nothing to set
                return names.stream().sorted().findFirst();
            }
            Set<String> fields = new HashSet<>();
            forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
                    .ifPresent(form -> form.fields().stream().map(TaskForm.Field::key).forEach(fields::add));
            fields.removeAll(assignmentVariables(task.getProcessDefinitionId()));
            return names.stream().filter(name -> !fields.contains(name)).sorted().findFirst();
        });
    }

    private Set<String> assignmentVariables(String processDefinitionId) {
        return assignmentVariables.computeIfAbsent(processDefinitionId, id -> {
            var names = new HashSet<String>();
            for (UserTask task : repository.getBpmnModelInstance(id).getModelElementsByType(UserTask.class)) {
                for (String expression : new String[] {task.getCamundaCandidateGroups(),
                        task.getCamundaCandidateUsers(), task.getCamundaAssignee()}) {
                    if (expression != null) {
                        Matcher identifier = IDENTIFIER.matcher(expression.replaceAll("'[^']*'", "''"));
                        while (identifier.find()) {
                            names.add(identifier.group(1));
                        }
                    }
                }
            }
            return Set.copyOf(names);
        });
    }
}
