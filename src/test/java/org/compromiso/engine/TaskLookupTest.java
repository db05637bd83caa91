package org.compromiso.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service's native reads of open tasks give what the engine's {@code TaskQuery} gives, on the demo's running
 * processes: the completion guard and the desk's answer rely on them.
 */
@CompromisoTest
class TaskLookupTest {

    @Autowired
    TaskLookup lookup;
    @Autowired
    TaskService tasks;

    @Test
    void aTaskByIdIsTheTaskTheEngineQueryFinds() {
        List<Task> open = tasks.createTaskQuery().active().list();
        assertThat(open).as("the demo has open tasks").isNotEmpty();
        for (Task expected : open) {
            Task found = lookup.byId(expected.getId()).orElseThrow();
            assertThat(found.getProcessDefinitionId()).isEqualTo(expected.getProcessDefinitionId());
            assertThat(found.getProcessInstanceId()).isEqualTo(expected.getProcessInstanceId());
            assertThat(found.getTaskDefinitionKey()).isEqualTo(expected.getTaskDefinitionKey());
            assertThat(found.getName()).isEqualTo(expected.getName());
            assertThat(found.getAssignee()).isEqualTo(expected.getAssignee());
            assertThat(found.getDueDate()).isEqualTo(expected.getDueDate());
            assertThat(found.getCreateTime()).isEqualTo(expected.getCreateTime());
        }
    }

    @Test
    void aTaskNoLongerOpenIsNotFound() {
        assertThat(lookup.byId("no-such-task")).isEmpty();
    }

    @Test
    void aProcessInstancesTasksAreTheEngineQuerysOldestFirst() {
        var instances = tasks.createTaskQuery().list().stream().map(Task::getProcessInstanceId).distinct().toList();
        assertThat(instances).isNotEmpty();
        for (String instance : instances) {
            List<Task> found = lookup.ofProcessInstance(instance);
            assertThat(found).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(
                    tasks.createTaskQuery().processInstanceId(instance).list().stream().map(Task::getId).toList());
            // tasks created in one transaction share a creation time: only the order of the times is promised
            assertThat(found).extracting(Task::getCreateTime).isSorted();
        }
    }
}
