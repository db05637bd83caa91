package org.compromiso.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a commitment's process ends, in every process (also one deployed later), the commitment is done. A
 * process deleted because the desk closed or cancelled the commitment ends "canceled" and changes nothing.
 */
@Component
class ProcessEndRecorder {

    private final CommitmentRegistry registry;

    ProcessEndRecorder(CommitmentRegistry registry) {
        this.registry = registry;
    }

    // the process instance's own activity instance id is its id: this tells the process's end from its activities'
    @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_END + "'"
            + " && #execution.activityInstanceId == #execution.processInstanceId && !#execution.canceled")
    public void processEnded(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        if (code != null) {
            registry.recordProcessEnded(code, execution.getProcessInstanceId(),
                    new Actor(endedBy(execution), "engine"));
        }
    }

    /** Who completed the last step, when a user did; else the engine (a timer, a job). */
    private static String endedBy(DelegateExecution execution) {
        String user = TaskCompletionRecorder.currentUser(execution.getProcessEngineServices());
        return user != null ? user : "engine";
    }
}
