package org.compromiso.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.compromiso.resilience.EngineRest;

/**
 * Scenarios 1 and 2 on the bare engine, as a team with Camunda alone would do them over its REST API: the desk
 * starts AgreedAction with the variables the service gives it, the coordinators complete its first task with the
 * same two values. The engine neither checks the values against the form nor records anything of its own.
 */
final class BareEngineScenarios {

    private final BareEngineNode bare;

    BareEngineScenarios(BareEngineNode bare) {
        this.bare = bare;
    }

    /** Starts {@code count} instances with business keys {@code prefix-0...}, led by SRE and State. */
    LoadDriver.Run register(String prefix, int count, int clients) throws InterruptedException {
        List<EngineRest> desks = IntStream.range(0, clients).mapToObj(i -> bare.as("deskOfficer")).toList();
        List<String> codes = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
        String targetDate = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .format(LocalDate.now().plusMonths(6).atStartOfDay(ZoneOffset.UTC));
        return LoadDriver.forEach(clients, codes, (client, code) -> {
            var answer = desks.get(client).post("/engine-rest/process-definition/key/AgreedAction/start", Map.of(
                    "businessKey", code,
                    "variables", Map.of("commitmentCode", string(code), "leadAgencies", string("sre,state"),
                            "leadAgencyMX", string("sre"), "leadAgencyUS", string("state"),
                            "progressUpdateCycle", string("R/P1M"),
                            "targetDate", Map.of("value", targetDate, "type", "Date"))));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("start answered " + answer.statusCode() + ": " + answer.body());
            }
            return LoadDriver.Outcome.OK;
        });
    }

    /** Completes every open Task_PlanAction, half as SRE's coordinator, half as State's. */
    LoadDriver.Run completeFirstTasks(int clients) throws InterruptedException, IOException {
        List<EngineRest> coordinators = IntStream.range(0, clients)
                .mapToObj(i -> bare.as(i % 2 == 0 ? "sreCoordinator" : "stateCoordinator")).toList();
        List<String> tasks = firstTasks(bare.as("sreCoordinator"));
        return LoadDriver.forEach(clients, tasks, (client, task) -> {
            var answer = coordinators.get(client).complete(task, CompletionScenario.PLAN);
            if (answer.statusCode() == 204) {
                return LoadDriver.Outcome.OK;
            }
            // Camunda alone answers its optimistic lock with a 500 naming the exception
            if (answer.body().contains("OptimisticLockingException")) {
                return LoadDriver.Outcome.CONFLICT;
            }
            throw new IllegalStateException("completion answered " + answer.statusCode() + ": " + answer.body());
        });
    }

    /** Scenario 4: the same open tasks, groups and coordinators as on the service, and the same queries. */
    TaskListScenario.Figures taskList(int tasks, Duration duration) throws InterruptedException, SQLException {
        bare.prepare((engine, password) -> TaskListScenario.prepare(engine, tasks, password));
        List<EngineRest> coordinators = IntStream.range(0, TaskListScenario.USERS)
                .mapToObj(u -> bare.as(TaskListScenario.user(u))).toList();
        return TaskListScenario.measure(coordinators, tasks, duration, bare.pid());
    }

    private static List<String> firstTasks(EngineRest coordinator) throws IOException, InterruptedException {
        var ids = new ArrayList<String>();
        for (int first = 0; ; first += 1000) {
            JsonNode page = EngineRest.json(coordinator.get("/engine-rest/task?taskDefinitionKey=Task_PlanAction"
                    + "&sortBy=id&sortOrder=asc&firstResult=" + first + "&maxResults=1000"));
            page.forEach(task -> ids.add(task.get("id").asText()));
            if (page.size() < 1000) {
                return ids;
            }
        }
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }
}
