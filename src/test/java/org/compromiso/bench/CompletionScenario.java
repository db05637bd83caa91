package org.compromiso.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.task.Task;
import org.compromiso.resilience.EngineRest;

/**
 * Scenario 2: the lead agencies' coordinators complete the first task (Task_PlanAction, with the two values its
 * form requires) of registered commitments through {@code POST /engine-rest/task/{id}/complete}, half of them as
 * SRE's coordinator, half as State's. Each task is taken by one coordinator, as agencies share out their work; a
 * 409 (the engine's optimistic locking) is a conflict the engine itself caused.
 */
final class CompletionScenario {

    /** The two values Task_PlanAction's form requires. */
    static final Map<String, Object> PLAN = Map.of("plan", "Plan agreed in the benchmark",
            "plannedCompletion", "2026-06-30");

    private final ServiceUnderTest service;

    CompletionScenario(ServiceUnderTest service) {
        this.service = service;
    }

    LoadDriver.Run completeFirstTasks(String prefix, int clients) throws InterruptedException {
        List<String> tasks = service.engine().getTaskService().createTaskQuery().processDefinitionKey("AgreedAction")
                .taskDefinitionKey("Task_PlanAction").processInstanceBusinessKeyLike(prefix + "-%").list().stream()
                .map(Task::getId).toList();
        List<EngineRest> coordinators = IntStream.range(0, clients)
                .mapToObj(i -> service.as(i % 2 == 0 ? "sreCoordinator" : "stateCoordinator")).toList();
        return LoadDriver.forEach(clients, tasks, (client, task) -> {
            var answer = coordinators.get(client).complete(task, PLAN);
            return switch (answer.statusCode()) {
                case 204 -> LoadDriver.Outcome.OK;
                case 409 -> LoadDriver.Outcome.CONFLICT;
                default -> throw new IllegalStateException("completion answered " + answer.statusCode() + ": "
                        + answer.body());
            };
        });
    }
}
