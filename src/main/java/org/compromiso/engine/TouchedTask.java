package org.compromiso.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What one transaction did to one user task, as its listeners saw it: the task as the last event left it (the
 * engine hands listeners the task entity itself, so its fields hold what the event's command set), whether the
 * task was created in the transaction (then nothing of the service's can exist for it yet) and whether it ended in
 * it (completed or deleted).
 */
public final class TouchedTask {

    private DelegateTask latest;
    private boolean created;
    private boolean ended;

    TouchedTask() {
    }

    void saw(DelegateTask task) {
        latest = task;
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created = true;
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> ended = true;
            default -> { }
        }
    }

    public DelegateTask latest() {
        return latest;
    }

    public String id() {
        return latest.getId();
    }

    public boolean created() {
        return created;
    }

    public boolean ended() {
        return ended;
    }

    /** The engine's time of the task's last change. */
    public Instant changedAt() {
        return changedAt(latest.getCreateTime(), latest.getLastUpdated());
    }

    /** The engine's time of a task's last change, from its creation and its last update (null: none). */
    public static Instant changedAt(Date created, Date lastUpdated) {
        return (lastUpdated != null && lastUpdated.after(created) ? lastUpdated : created).toInstant();
    }
}
