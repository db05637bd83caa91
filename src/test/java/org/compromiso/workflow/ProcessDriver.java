package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.compromiso.ServiceZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;

/**
 * Walks a commitment's process the way coordinators would: registers the commitment, completes tasks with
 * what their forms require (tests say only what steers the path), moves the engine clock and runs due timers.
 */
public class ProcessDriver {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ProcessEngine engine;
    private final CommitmentRegistry registry;
    private final TaskForms forms;

    ProcessDriver(ProcessEngine engine, CommitmentRegistry registry, TaskForms forms) {
        this.engine = engine;
        this.registry = registry;
        this.forms = forms;
    }

    /** Registers a commitment of this kind in the January 2024 meeting and returns its process instance. */
    public ProcessInstance register(String kind, Map<String, String> leads, LocalDate target) {
        String code = "PT-" + kind.toUpperCase() + "-" + SEQUENCE.incrementAndGet();
        var commitment = new NewCommitment(code, "MX-US-2024-01-19", "Process test " + kind, null, kind, leads,
                List.of(), target, null, false, "normal",
                new NewCommitment.Provenance("test", "A sentence that established it.", "en"), "Prueba de proceso " + kind);
        String id = registry.register(commitment, new Actor("test", "api"));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    /** The one open task with this id; fails unless it has a due date. */
    public Task task(ProcessInstance instance, String taskKey) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        assertThat(task.getDueDate()).as("due date of " + taskKey).isNotNull();
        return task;
    }

    /** Fails unless the one open task with this id is due at the start of this day. */
    public void assertDue(ProcessInstance instance, String taskKey, LocalDate due) {
        assertThat(task(instance, taskKey).getDueDate()).as("due date of " + taskKey).isEqualTo(date(due));
    }

    public List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(link -> link.getGroupId()).filter(java.util.Objects::nonNull).toList();
    }

    /** Completes the task, filling every required form field the test does not give. */
    public Task complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        Task task = task(instance, taskKey);
        var variables = new HashMap<>(filling(forms.of(task.getProcessDefinitionId(), taskKey)
                .orElseThrow(() -> new AssertionError(taskKey + " has no form"))));
        variables.putAll(values);
        engine.getTaskService().complete(task.getId(), variables);
        return task;
    }

    public Task complete(ProcessInstance instance, String taskKey) {
        return complete(instance, taskKey, Map.of());
    }

    /** Moves the engine clock to the start of this day. */
    public void today(LocalDate day) {
        ClockUtil.setCurrentTime(date(day));
    }

    /** Runs the due timer or async job waiting in this activity. */
    public void runJob(ProcessInstance instance, String activityId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        if (job.getDuedate() != null) {
            assertThat(job.getDuedate()).as("due date of job " + activityId).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        }
        engine.getManagementService().executeJob(job.getId());
    }

    public Job job(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
    }

    public static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ServiceZone.ZONE).toInstant());
    }

    /** A value the form accepts for each of its required fields, and nothing for the others. */
    public static Map<String, Object> filling(TaskForm form) {
        var values = new LinkedHashMap<String, Object>();
        form.fields().stream().filter(TaskForm.Field::required).forEach(field -> values.put(field.key(), sample(field)));
        return values;
    }

    private static Object sample(TaskForm.Field field) {
        if (!field.values().isEmpty()) {
            return field.values().get(0);
        }
        return switch (field.type()) {
            case "datetime" -> ClockUtil.getCurrentTime().toInstant().atZone(ServiceZone.ZONE).toLocalDate()
                    .plusDays(30).toString();
            case "number" -> 1L;
            case "checkbox" -> Boolean.TRUE;
            default -> field.pattern() != null && field.pattern().contains("http") ? "https://example.org/evidence"
                    : "Filled by the process test";
        };
    }
}
