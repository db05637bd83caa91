package org.compromiso.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentHistory;
import org.compromiso.commitments.CommitmentNotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On every user task's completion, in every process: refuses it when a required form field is missing or
 * malformed (the REST API's {@code /complete} skips the form), and records the form's values in the commitment's
 * history, so what a coordinator entered is kept beside who entered it.
 */
@Component
class TaskCompletionRecorder {

    private final TaskForms forms;
    private final CommitmentHistory history;

    TaskCompletionRecorder(TaskForms forms, CommitmentHistory history) {
        this.forms = forms;
        this.history = history;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void completed(DelegateTask task) {
        var values = new LinkedHashMap<String, Object>();
        var problems = new ArrayList<String>();
        forms.of(task).ifPresent(form -> form.fields().forEach(field -> {
            Object value = task.getVariable(field.key());
            boolean empty = value == null || value.toString().isBlank();
            if (field.required() && empty && !(value instanceof Boolean)) {
                problems.add(field.key() + ": is required");
            } else if (!empty && field.pattern() != null && !value.toString().matches(field.pattern())) {
                problems.add(field.key() + ": does not match " + field.pattern());
            }
            if (!empty) {
                values.put(field.key(), value instanceof java.util.Date || value instanceof Number
                        || value instanceof Boolean ? value : value.toString());
            }
        }));
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("Task " + task.getName() + " cannot be completed: "
                    + String.join("; ", problems));
        }
        String code = task.getExecution().getProcessBusinessKey();
        if (code == null) {
            return;
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("task", task.getTaskDefinitionKey());
        detail.put("taskName", task.getName());
        detail.put("values", values);
        try {
            history.record(code, new Actor(completedBy(task), "tasklist"), "task-completed", detail, null);
        } catch (CommitmentNotFoundException e) {
            // a process started without a commitment (e.g. from Cockpit for a trial) has no history of ours
        }
    }

    private static String completedBy(DelegateTask task) {
        String user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
                : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        return user != null ? user : task.getAssignee() != null ? task.getAssignee() : "unknown";
    }

}
