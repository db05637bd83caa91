package org.compromiso.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.guard.DeclaredFields;
import org.compromiso.workflow.TaskForm;
import org.compromiso.workflow.TaskForms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Does in the demo what the coordinators and the engine did: completes a commitment's task as a user would, held
 * to what any completion may set, and runs a process's waiting job (a timer, an asynchronous step) on its day.
 */
@Component
@ConditionalOnProperty(name = "compromiso.demo.enabled", havingValue = "true")
class DemoCoordinators {

    private static final Logger log = LoggerFactory.getLogger(DemoCoordinators.class);

    private final TaskService tasks;
    private final IdentityService identity;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final TaskForms forms;
    private final DeclaredFields declared;

    DemoCoordinators(TaskService tasks, IdentityService identity, ManagementService management, RuntimeService runtime,
                     TaskForms forms, DeclaredFields declared) {
        this.tasks = tasks;
        this.identity = identity;
        this.management = management;
        this.runtime = runtime;
        this.forms = forms;
        this.declared = declared;
    }

    /** Completes the commitment's task with these values; the commitment must wait at it (the record says so). */
    void complete(String commitment, String taskKey, String user, Map<String, Object> values) {
        var task = waitingAt(commitment, taskKey);
        var variables = new HashMap<>(values);
        forms.of(task.getProcessDefinitionId(), taskKey).map(TaskForm::fields).orElse(List.of()).stream()
                .filter(TaskForm.Field::required).filter(field -> !variables.containsKey(field.key()))
                .findFirst().ifPresent(field -> {
                    throw new IllegalStateException("Demo: " + taskKey + " of " + commitment + " needs " + field.key());
                });
        declared.undeclared(task.getId(), variables.keySet()).ifPresent(name -> {
            throw new IllegalStateException("Demo: " + taskKey + " of " + commitment + " has no field " + name);
        });
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        log.info("Demo: {} completed {} of {}", user, taskKey, commitment);
    }

    /** Runs the job the commitment's process waits on at this step (a timer or an asynchronous service task). */
    void runJob(String commitment, String activityId) {
        var job = management.createJobQuery().processInstanceId(processOf(commitment)).activityId(activityId)
                .singleResult();
        if (job == null) {
            throw new IllegalStateException("Demo: " + commitment + " has no job at " + activityId);
        }
        management.executeJob(job.getId());
    }

    /** The id of the commitment's open task at this step. */
    String openTask(String commitment, String taskKey) {
        return waitingAt(commitment, taskKey).getId();
    }

    private Task waitingAt(String commitment, String taskKey) {
        var task = tasks.createTaskQuery().processInstanceBusinessKey(commitment).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("Demo: " + commitment + " does not wait at " + taskKey);
        }
        return task;
    }

    private String processOf(String commitment) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(commitment).singleResult().getId();
    }
}
