package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** What a user does to a task through the engine's API shows in the commitment's history, with who did it. */
@CompromisoTest
class TaskAuditTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService engineHistory;

    @Test
    void claimDueDateChangeAndCommentAreInTheCommitmentsHistory() {
        var desk = new DeskActions(http);
        desk.register("MXUS-TEST-AUDIT", "A crossing whose tasks change", "otay-crossing",
                Map.of("MX", "sict", "US", "gsa"));
        String task = tasks.createTaskQuery().processInstanceBusinessKey("MXUS-TEST-AUDIT").singleResult().getId();

        var claim = desk.post("gsaCoordinator", "/engine-rest/task/" + task + "/claim", Map.of("userId", "gsaCoordinator"));
        assertThat(claim.getStatusCode()).as(claim.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        var due = desk.changeTask("admin", task, "due", "2031-03-14T12:00:00.000+0000");
        assertThat(due.getStatusCode()).as(due.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        // a coordinator cannot comment: the REST API looks the task up in history, which only the desk and up read
        var comment = desk.post("admin", "/engine-rest/task/" + task + "/comment/create",
                Map.of("message", "permits filed"));
        assertThat(comment.getStatusCode()).as(comment.getBody()).isEqualTo(HttpStatus.OK);

        List<JsonNode> history = new ArrayList<>();
        desk.as("deskOfficer").getForObject("/api/commitments/MXUS-TEST-AUDIT", JsonNode.class).get("history")
                .forEach(history::add);
        var ofTask = history.stream().filter(entry -> task.equals(entry.at("/detail/taskId").asText())).toList();
        assertThat(ofTask).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("task-claimed");
            assertThat(entry.get("actor").asText()).isEqualTo("gsaCoordinator");
            assertThat(entry.get("surface").asText()).isEqualTo("engine");
        });
        assertThat(ofTask).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("task-changed");
            assertThat(entry.get("actor").asText()).isEqualTo("admin");
            assertThat(entry.at("/detail/property").asText()).isEqualTo("dueDate");
            assertThat(entry.at("/detail/to").asText()).isEqualTo("2031-03-14T12:00:00Z");
        });
        assertThat(ofTask).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("task-commented");
            assertThat(entry.get("actor").asText()).isEqualTo("admin");
            assertThat(entry.at("/detail/comment").asText()).isEqualTo("permits filed");
        });
        assertThat(ofTask.stream().filter(entry -> entry.get("action").asText().equals("task-claimed")))
                .as("each change once, however many events it fired").hasSize(1);
        assertThat(engineHistory.createUserOperationLogQuery().taskId(task)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).count())
                .as("Camunda's user operation log stays on").isEqualTo(1);
    }
}
