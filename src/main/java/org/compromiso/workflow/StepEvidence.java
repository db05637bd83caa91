package org.compromiso.workflow;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.compromiso.engine.TaskHook;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A step's evidence and blocker belong to that step: every form has these fields under the same keys, and the
 * engine writes a completion's values into the process, so without this the next agency's form opened with the
 * previous agency's evidence as its own answer (issue 19). Once {@link TaskCompletionRecorder} has kept them in
 * the commitment's history with the task and its agency, they leave the process; a task being created clears
 * what an older completion left behind.
 */
@Component
@Order(6)
class StepEvidence implements TaskHook {

    /** The keys every form uses for what only its own step says: the evidence, and a blocker of this step. */
    static final Set<String> KEYS = Set.of("evidenceLink", "evidenceNote", "blocker", "blockerNote");

    @Override
    public void taskEvent(DelegateTask task) {
        String event = task.getEventName();
        if (TaskListener.EVENTNAME_CREATE.equals(event) || TaskListener.EVENTNAME_COMPLETE.equals(event)) {
            DelegateExecution execution = task.getExecution();
            if (execution != null) {
                KEYS.stream().filter(execution::hasVariable).forEach(execution::removeVariable);
            }
        }
    }
}
