package org.compromiso.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A feature's reaction to a process instance that reached its end, in every process. A process deleted (canceled)
 * does not end this way: whoever deleted it recorded why.
 */
public interface ProcessEndHook {

    void processEnded(DelegateExecution execution);
}
