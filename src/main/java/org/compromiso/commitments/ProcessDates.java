package org.compromiso.commitments;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.engine.ServiceWork;
import org.springframework.stereotype.Component;

/**
 * Carries a new target date into the commitment's process: the {@code targetDate} variable, and the due date of
 * every open task whose due date was the old target date (a due date set otherwise stays). Moving a due date
 * reschedules the task's reminders (reminders' DeadlineScheduler listens to the task's update).
 */
@Component
class ProcessDates {

    static final String TARGET_DATE = "targetDate";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ServiceWork serviceWork;

    ProcessDates(RuntimeService runtime, TaskService tasks, ServiceWork serviceWork) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.serviceWork = serviceWork;
    }

    void moveTargetDate(String code, Date target) {
        // the desk may move a commitment's dates through our API but holds no task rights in the engine
        serviceWork.asService(() -> {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).unlimitedList()
                    .forEach(instance -> move(instance.getId(), target));
            return null;
        });
    }

    private void move(String processInstanceId, Date target) {
        Object before = runtime.getVariable(processInstanceId, TARGET_DATE);
        runtime.setVariable(processInstanceId, TARGET_DATE, target);
        if (!(before instanceof Date old)) {
            return;
        }
        tasks.createTaskQuery().processInstanceId(processInstanceId).unlimitedList().stream()
                .filter(task -> task.getDueDate() != null && task.getDueDate().getTime() == old.getTime())
                .forEach(task -> {
                    task.setDueDate(target);
                    tasks.saveTask(task);
                });
    }
}
