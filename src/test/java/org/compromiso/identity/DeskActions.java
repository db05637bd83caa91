package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the tests set up through the APIs, as the desk registers a commitment and a user edits a task. */
record DeskActions(TestRestTemplate http) {

    /** The fields {@code PUT /task/{id}} takes; it sets each one, so each is sent with its current value. */
    static final List<String> TASK_FIELDS = List.of("name", "description", "priority", "assignee", "owner",
            "delegationState", "due", "followUp", "parentTaskId", "caseInstanceId", "tenantId");

    /** Registers the commitment unless it exists, so a test may run again in a context other tests share. */
    void register(String code, String title, String kind, Map<String, String> leads) {
        if (as("deskOfficer").getForEntity("/api/commitments/" + code, String.class).getStatusCode()
                == HttpStatus.OK) {
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("meetingCode", "MX-US-2024-01-19");
        body.put("title", title);
        body.put("kind", kind);
        body.put("leadAgencies", leads);
        body.put("targetDate", "2030-06-30");
        body.put("provenance", Map.of("document", "001_ae9539afecd76ba5.txt",
                "quote", "Mexico and the United States agreed to carry out a joint visit to Darién", "language", "en"));
        var answer = post("deskOfficer", "/api/commitments", body);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** Changes one field of a task through {@code /engine-rest}, as that user. */
    ResponseEntity<String> changeTask(String user, String taskId, String field, String value) {
        ObjectNode current = as(user).getForObject("/engine-rest/task/" + taskId, ObjectNode.class);
        current.retain(TASK_FIELDS);
        current.put(field, value);
        return as(user).exchange("/engine-rest/task/" + taskId, HttpMethod.PUT, json(current), String.class);
    }

    ResponseEntity<String> post(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.POST, json(body), String.class);
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, DemoUsers.PASSWORD);
    }

    private static HttpEntity<Object> json(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
