package org.compromiso.engine;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one subscriber to the engine's events (camunda.bpm.eventing): each feature reacts through a {@link TaskHook}
 * or a {@link ProcessEndHook}, in their {@code @Order}, so what happens on a task event is in one place and in one
 * order (README, Architecture: engine hooks).
 */
@Component
class EngineEvents {

    private final List<TaskHook> taskHooks;
    private final List<ProcessEndHook> processEndHooks;

    EngineEvents(ObjectProvider<TaskHook> taskHooks, ObjectProvider<ProcessEndHook> processEndHooks) {
        this.taskHooks = taskHooks.orderedStream().toList();
        this.processEndHooks = processEndHooks.orderedStream().toList();
    }

    @EventListener
    public void taskEvent(DelegateTask task) {
        taskHooks.forEach(hook -> hook.taskEvent(task));
    }

    // the process instance's own activity instance id is its id: this tells the process's end from its activities'
    @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_END + "'"
            + " && #execution.activityInstanceId == #execution.processInstanceId && !#execution.canceled")
    public void processEnded(DelegateExecution execution) {
        processEndHooks.forEach(hook -> hook.processEnded(execution));
    }

}
