package org.compromiso.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentHistory;
import org.compromiso.commitments.CommitmentNotFoundException;
import org.compromiso.engine.TaskHook;
import org.compromiso.identity.UserLanguage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every user task's completion, in every process and on every path (Tasklist, {@code /complete} and
 * {@code /submit-form} on both REST paths, the Java API): refuses it when a form field is missing or not what the
 * form accepts ({@link FormChecks}; the REST API's {@code /complete} skips the form), and records the form's
 * values in the commitment's history, so what a coordinator entered is kept beside who entered it. Over HTTP only what the completion itself
 * submitted counts: a value an earlier step left in the process does not fill this step's form. The entry names
 * the agency whose step it was, so each step's evidence stays with its agency ({@link StepEvidence}).
 */
@Component
@Order(5)
class TaskCompletionRecorder implements TaskHook {

    private final TaskForms forms;
    private final CompletionRequests requests;
    private final CommitmentHistory history;
    private final FormChecks checks;
    private final UserLanguage language;

    TaskCompletionRecorder(TaskForms forms, CompletionRequests requests, CommitmentHistory history, FormChecks checks,
                           UserLanguage language) {
        this.forms = forms;
        this.requests = requests;
        this.history = history;
        this.checks = checks;
        this.language = language;
    }

    @Override
    public void taskEvent(DelegateTask task) {
        if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task);
        }
    }

    private void completed(DelegateTask task) {
        Optional<Set<String>> submitted = requests.submittedWith(task.getId());
        var values = new LinkedHashMap<String, Object>();
        Optional<TaskForm> form = forms.of(task);
        form.ifPresent(declared -> declared.fields().forEach(field -> {
            Object value = submitted.map(names -> names.contains(field.key())).orElse(true)
                    ? task.getVariable(field.key()) : null;
            if (value != null && !value.toString().isBlank()) {
                values.put(field.key(), value);
            }
        }));
        if (form.isPresent()) {
            String user = currentUser(task.getProcessEngineServices());
            Locale locale = language.of(user);
            // the reasons name another field as the user's form does, in their language
            var refused = checks.refusals(forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), locale)
                    .orElse(form.get()), values, locale);
            if (!refused.isEmpty()) {
                throw checks.refusal(task.getName(), refused, locale);
            }
        }
        values.replaceAll((key, value) -> value instanceof java.util.Date || value instanceof Number
                || value instanceof Boolean ? value : value.toString());
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
        String user = currentUser(task.getProcessEngineServices());
        agencyOf(task).ifPresent(agency -> detail.put("agency", agency));
        detail.put("values", values);
        try {
            history.record(code, new Actor(user != null ? user : task.getAssignee() != null ? task.getAssignee()
                    : "unknown", "tasklist"), "task-completed", detail, null);
        } catch (CommitmentNotFoundException e) {
            // a process started without a commitment (e.g. from Cockpit for a trial) has no history of ours
        }
    }

    /**
     * The agency whose step this was: the one candidate group of the task, or, when several agencies may take it
     * (a step of both lead agencies), the one of them the completing user belongs to.
     */
    private static Optional<String> agencyOf(DelegateTask task) {
        List<String> candidates = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        // the engine's authentication carries the user's groups (no group query: a coordinator may not read groups)
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        List<String> own = authentication == null || authentication.getGroupIds() == null ? List.of()
                : candidates.stream().filter(authentication.getGroupIds()::contains).toList();
        return own.size() == 1 ? Optional.of(own.get(0)) : Optional.empty();
    }

    /** The user the engine acts for, or null when it acts on its own (a job, the service's own work). */
    static String currentUser(ProcessEngineServices engine) {
        var authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
