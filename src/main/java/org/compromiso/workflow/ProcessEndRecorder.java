package org.compromiso.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.engine.ProcessEndHook;
import org.springframework.stereotype.Component;

/**
 * When a commitment's process ends, in every process (also one deployed later), the commitment is done. A
 * process deleted because the desk closed or cancelled the commitment ends "canceled" and changes nothing.
 */
@Component
class ProcessEndRecorder implements ProcessEndHook {

    private final CommitmentRegistry registry;

    ProcessEndRecorder(CommitmentRegistry registry) {
        this.registry = registry;
    }

    @Override
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
