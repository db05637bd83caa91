package org.compromiso.engine;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The service's own reads of open tasks, by id or by process instance, through the engine's native task query: the
 * same task entities as a {@code TaskQuery}, without evaluating that query's mapping of a hundred optional
 * conditions (OGNL over MyBatis's dynamic SQL), which made a lookup of one task by id a tenth of a completion's CPU.
 * A native query checks no authorization: for the service's reads on its own account ({@link ServiceWork#asService}),
 * never for what a user may see.
 */
@Component
public class TaskLookup {

    private final TaskService tasks;
    private final String table;

    TaskLookup(TaskService tasks, ManagementService management) {
        this.tasks = tasks;
        // the engine's name for its task table, with any table prefix it is configured with
        this.table = management.getTableName(Task.class);
    }

    /** The open task with this id, if there is one. */
    public Optional<Task> byId(String taskId) {
        return Optional.ofNullable(tasks.createNativeTaskQuery()
                .sql("SELECT * FROM " + table + " WHERE ID_ = #{id}").parameter("id", taskId).singleResult());
    }

    /** The open tasks of this process instance, oldest first. */
    public List<Task> ofProcessInstance(String processInstanceId) {
        return tasks.createNativeTaskQuery()
                .sql("SELECT * FROM " + table + " WHERE PROC_INST_ID_ = #{instance} ORDER BY CREATE_TIME_, ID_")
                .parameter("instance", processInstanceId).list();
    }
}
