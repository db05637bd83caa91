package org.compromiso.audit;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentHistory;
import org.compromiso.commitments.CommitmentNotFoundException;
import org.compromiso.engine.ServiceWork;
import org.compromiso.engine.TaskHook;
import org.compromiso.identity.TaskReleased;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes every change a user makes to a task (claim, assignment, due date and other fields, candidate groups,
 * comments) to its commitment's history, with who and when. The engine's user operation log already holds each
 * change with its old and new value, but only once the command is flushed: just before the change commits, the entries
 * (and comments) of the task not yet in the history are copied there. Completion is recorded with the form's
 * values by the workflow's own listener, so it is left out here.
 */
@Component
@Order(1)
class TaskAudit implements TaskHook {

    private static final Map<String, String> ACTIONS = Map.of(
            UserOperationLogEntry.OPERATION_TYPE_CLAIM, "task-claimed",
            UserOperationLogEntry.OPERATION_TYPE_ASSIGN, "task-assigned",
            UserOperationLogEntry.OPERATION_TYPE_UPDATE, "task-changed",
            UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK, "task-candidate-group-added",
            UserOperationLogEntry.OPERATION_TYPE_DELETE_GROUP_LINK, "task-candidate-group-removed",
            UserOperationLogEntry.OPERATION_TYPE_SET_OWNER, "task-owner-set",
            UserOperationLogEntry.OPERATION_TYPE_DELEGATE, "task-delegated");

    private final HistoryService engineHistory;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CommitmentHistory history;
    private final ServiceWork serviceWork;

    TaskAudit(HistoryService engineHistory, TaskService tasks, RuntimeService runtime, CommitmentHistory history,
              ServiceWork serviceWork) {
        this.engineHistory = engineHistory;
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.serviceWork = serviceWork;
    }

    @Override
    public void taskEvent(DelegateTask task) {
        boolean assignedOrUpdated = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())
                || TaskListener.EVENTNAME_UPDATE.equals(task.getEventName());
        if (!assignedOrUpdated || task.getExecution() == null || task.getExecution().getProcessBusinessKey() == null) {
            return;
        }
        var changed = new ChangedTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getExecution().getProcessBusinessKey(), surface());
        serviceWork.atCommit("audit of " + task.getId(), () -> copyToHistory(changed));
    }

    @EventListener
    public void released(TaskReleased released) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(released.processInstanceId())
                .singleResult();
        if (instance != null && instance.getBusinessKey() != null) {
            record(instance.getBusinessKey(), Actor.system(), "task-unassigned",
                    Map.of("taskId", released.taskId(), "from", released.userId()), released.reason());
        }
    }

    void copyToHistory(ChangedTask task) {
        Set<String> recorded = new HashSet<>();
        try {
            history.of(task.commitmentCode()).forEach(entry -> {
                recorded.add(String.valueOf(entry.detail().get("logEntryId")));
                recorded.add(String.valueOf(entry.detail().get("commentId")));
            });
        } catch (CommitmentNotFoundException e) {
            return;
        }
        for (UserOperationLogEntry entry : engineHistory.createUserOperationLogQuery().taskId(task.id())
                .orderByTimestamp().asc().list()) {
            if (recorded.contains(entry.getId()) || entry.getUserId() == null
                    || UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())) {
                continue;
            }
            var detail = task.detail();
            detail.put("logEntryId", entry.getId());
            detail.put("property", entry.getProperty());
            detail.put("from", readable(entry.getProperty(), entry.getOrgValue()));
            detail.put("to", readable(entry.getProperty(), entry.getNewValue()));
            record(task.commitmentCode(), new Actor(entry.getUserId(), task.surface()), action(entry), detail, null);
        }
        for (Comment comment : tasks.getTaskComments(task.id())) {
            if (!recorded.contains(comment.getId()) && comment.getUserId() != null) {
                var detail = task.detail();
                detail.put("commentId", comment.getId());
                detail.put("comment", comment.getFullMessage());
                record(task.commitmentCode(), new Actor(comment.getUserId(), task.surface()), "task-commented",
                        detail, null);
            }
        }
    }

    private static String action(UserOperationLogEntry entry) {
        if (UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(entry.getOperationType())
                && entry.getNewValue() == null) {
            return "task-unassigned";
        }
        return ACTIONS.getOrDefault(entry.getOperationType(), "task-" + entry.getOperationType().toLowerCase());
    }

    /** The log keeps dates as milliseconds; the history is read by people. */
    private static String readable(String property, String value) {
        if (value != null && property != null && property.endsWith("Date") && value.matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(value)).toString();
        }
        return value;
    }

    private void record(String code, Actor actor, String action, Map<String, ?> detail, String reason) {
        try {
            history.record(code, actor, action, detail, reason);
        } catch (CommitmentNotFoundException e) {
            // a process started without a commitment (a trial from Cockpit) has no history of ours
        }
    }

    /** Tasklist and Cockpit call the engine under /camunda, scripts under /engine-rest. */
    private static String surface() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return "system";
        }
        String path = request.getRequest().getRequestURI().substring(request.getRequest().getContextPath().length());
        return path.startsWith("/camunda/") ? "tasklist" : path.startsWith("/engine-rest/") ? "engine" : "api";
    }

    record ChangedTask(String id, String definitionKey, String name, String commitmentCode, String surface) {

        Map<String, Object> detail() {
            var detail = new LinkedHashMap<String, Object>();
            detail.put("task", definitionKey);
            detail.put("taskName", name);
            detail.put("taskId", id);
            return detail;
        }
    }
}
