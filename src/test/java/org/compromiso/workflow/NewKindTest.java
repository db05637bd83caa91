package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A kind no code of the service knows, the US–Mexico–Guatemala working group, becomes usable by deploying its
 * BPMN through {@code /engine-rest} and nothing else: it is listed, a commitment of it is registered, its task is
 * reminded by mail (registered late, its first task is overdue at once) and it shows in the leadership report.
 */
@CompromisoTest
class NewKindTest {

    private static final String KIND = "working-group-mx-us-gt";
    private static final String CODE = "MXUSGT-2402-WORKING-GROUP";
    private static final String BPMN = "working-group-mx-us-gt.bpmn";
    private static final String FORM = "working-group-mx-us-gt-agree-terms-of-reference.form";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    GreenMail mailServer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aKindDeployedOverTheEngineApiIsUsableWithNoOtherStep() throws Exception {
        var refused = new EngineDeployments(http, "deskOfficer", "demo").deploy("working-group", resources(""));
        assertThat(refused.getStatusCode()).as("deployments are the admin's").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(kind()).as("nothing registered").isNull();

        var deployed = EngineDeployments.asAdmin(http).deploy("working-group", resources(""));
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);

        JsonNode kind = kind();
        assertThat(kind).as("listed in GET /api/kinds").isNotNull();
        assertThat(kind.at("/names/en").asText()).isEqualTo("US–Mexico–Guatemala working group");
        assertThat(kind.at("/names/es").asText()).isEqualTo("Grupo de trabajo México–Estados Unidos–Guatemala");
        assertThat(kind.get("parties").toString()).isEqualTo("[\"MX\",\"US\",\"GT\"]");
        assertThat(kind.get("processKey").asText()).isEqualTo("TrilateralWorkingGroup");
        assertThat(kind.get("processVersion").asInt()).isEqualTo(1);

        var registered = http.withBasicAuth("deskOfficer", "demo").postForEntity("/api/commitments", Map.of(
                "code", CODE, "meetingCode", "MX-US-2024-01-19", "kind", KIND,
                "title", "Set up a trilateral working group with Guatemala",
                "leadAgencies", Map.of("MX", "sre", "US", "state", "GT", "gtminex"),
                "targetDate", "2024-03-15",
                "provenance", Map.of("document", "001_ae9539afecd76ba5.txt",
                        "quote", "Both delegations agreed to work with Guatemala.", "language", "en")), JsonNode.class);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        String taskId = registered.getBody().at("/openTasks/0/id").asText();
        assertThat(registered.getBody().at("/openTasks/0/taskDefinitionKey").asText())
                .isEqualTo("Task_AgreeTermsOfReference");

        // registered after its target date: the task is overdue from its creation and reminded at once
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sentMessages(taskId)).isNotEmpty());
        assertThat(jdbc.sql("SELECT rule FROM reminder WHERE task_id = ?").param(taskId).query(String.class).list())
                .as("one notice: the latest rule passed, long after the target date the desk's escalation")
                .containsExactly("escalate-desk");
        assertThat(messageIdsAboutTheTask()).containsExactlyInAnyOrderElementsOf(sentMessages(taskId));

        JsonNode line = reportLine();
        assertThat(line).as("in the leadership report").isNotNull();
        assertThat(line.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(tasks.getIdentityLinksForTask(taskId)).extracting("groupId").as("each party's lead agency")
                .contains("sre", "state", "gtminex");

        // a new version of the process updates its kind in place
        var changed = EngineDeployments.asAdmin(http).deploy("working-group", resources(" (trilateral)"));
        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(kind().at("/names/en").asText()).isEqualTo("US–Mexico–Guatemala working group (trilateral)");
        assertThat(kind().get("processVersion").asInt()).isEqualTo(2);
    }

    private static Map<String, String> resources(String nameSuffix) throws IOException {
        String model = new ClassPathResource("kinds/" + BPMN).getContentAsString(StandardCharsets.UTF_8)
                .replace("value=\"US–Mexico–Guatemala working group\"",
                        "value=\"US–Mexico–Guatemala working group" + nameSuffix + "\"");
        return Map.of(BPMN, model, FORM, new ClassPathResource("kinds/" + FORM).getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode kind() {
        ResponseEntity<JsonNode> kinds = http.withBasicAuth("gtminexCoordinator", "demo").getForEntity("/api/kinds",
                JsonNode.class);
        assertThat(kinds.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (JsonNode kind : kinds.getBody()) {
            if (kind.get("code").asText().equals(KIND)) {
                return kind;
            }
        }
        return null;
    }

    private List<String> sentMessages(String taskId) {
        return jdbc.sql("SELECT unnest(sent_messages) FROM reminder WHERE task_id = ? AND state = 'sent'")
                .param(taskId).query(String.class).list();
    }

    /** The Message-IDs of the mails the SMTP server received about the task, each once however many recipients. */
    private Set<String> messageIdsAboutTheTask() throws MessagingException {
        var ids = new HashSet<String>();
        for (var mail : mailServer.getReceivedMessages()) {
            if (mail.getSubject().contains(CODE)) {
                ids.add(mail.getMessageID());
            }
        }
        return ids;
    }

    private JsonNode reportLine() {
        var report = http.withBasicAuth("leadershipReader", "demo").getForEntity("/reports/status.json", JsonNode.class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (JsonNode line : report.getBody().get("commitments")) {
            if (line.get("code").asText().equals(CODE)) {
                return line;
            }
        }
        return null;
    }
}
