package org.compromiso.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentHistory;
import org.compromiso.commitments.CommitmentNotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On every user task's completion, in every process: refuses it when a form field is missing or not what the form
 * accepts (the REST API's {@code /complete} skips the form), and records the form's values in the commitment's
 * history, so what a coordinator entered is kept beside who entered it. Over HTTP only what the completion itself
 * submitted counts: a value an earlier step left in the process does not fill this step's form.
 */
@Component
class TaskCompletionRecorder {

    private final TaskForms forms;
    private final CompletionRequests requests;
    private final CommitmentHistory history;

    TaskCompletionRecorder(TaskForms forms, CompletionRequests requests, CommitmentHistory history) {
        this.forms = forms;
        this.requests = requests;
        this.history = history;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void completed(DelegateTask task) {
        Optional<Set<String>> submitted = requests.submittedWith(task.getId());
        var values = new LinkedHashMap<String, Object>();
        var problems = new ArrayList<String>();
        forms.of(task).ifPresent(form -> form.fields().forEach(field -> {
            Object value = submitted.map(names -> names.contains(field.key())).orElse(true)
                    ? task.getVariable(field.key()) : null;
            field.problemWith(value).ifPresent(reason -> problems.add(field.key() + ": " + reason));
            if (value != null && !value.toString().isBlank()) {
                values.put(field.key(), value instanceof java.util.Date || value instanceof Number
                        || value instanceof Boolean ? value : value.toString());
            }
        }));
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("Task " + task.getName() + " cannot be completed: "
                    + String.join("; ", problems));
        }
        record(task, values);
    }

    private void record(DelegateTask task, Map<String, Object> values) {
        String code = task.getExecution().getProcessBusinessKey();
        if (code == null) {
            return;
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("task", task.getTaskDefinitionKey());
        detail.put("taskId", task.getId());
        detail.put("taskName", task.getName());
        detail.put("values", values);
        String user = currentUser(task.getProcessEngineServices());
        try {
            history.record(code, new Actor(user != null ? user : task.getAssignee() != null ? task.getAssignee()
                    : "unknown", "tasklist"), "task-completed", detail, null);
        } catch (CommitmentNotFoundException e) {
            // a process started without a commitment (e.g. from Cockpit for a trial) has no history of ours
        }
    }

    /** The user the engine acts for, or null when it acts on its own (a job, the service's own work). */
    static String currentUser(ProcessEngineServices engine) {
        var authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
