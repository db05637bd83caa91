package org.compromiso.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A feature's reaction to every event of every user task (create, assignment, update, complete, delete), in
 * every process, also one deployed later. {@link EngineEvents} calls the hooks in their {@code @Order}, in the
 * engine's transaction: a hook that throws refuses the change.
 */
public interface TaskHook {

    void taskEvent(DelegateTask task);
}
