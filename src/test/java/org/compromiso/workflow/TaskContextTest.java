package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.CompromisoTest;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentHistory;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The context a coordinator sees above a task's form ({@code GET /api/tasks/{id}/context}) and the evidence that
 * belongs to its step: SRE proposes the Darién visit's dates with a note and evidence, and Panama's task shows them
 * read-only while its own form carries none of SRE's evidence; State sees the next meeting's proposed window, GSA
 * what SEDENA reported for the same Otay milestone.
 */
@CompromisoTest
class TaskContextTest {

    private static final String QUOTE = "Mexico and the United States agreed to carry out a joint visit to Darién.";
    private static final String SRE_EVIDENCE = "https://www.gob.mx/sre/prensa/darien-visit-proposal";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    CommitmentRegistry registry;
    @Autowired
    CommitmentHistory history;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskForms forms;

    @Test
    void panamaSeesTheCommitmentAndTheDatesSreProposedInSpanish() throws Exception {
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).plusMonths(3).withDayOfMonth(10);
        Task confirmation = sreProposes("TEST-CONTEXT-ES", firstDay);

        var answer = get("pamireCoordinator", "/api/tasks/" + confirmation.getId() + "/context");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode context = json.readTree(answer.getBody());
        assertThat(context.at("/commitment/code").asText()).isEqualTo("TEST-CONTEXT-ES");
        // the commitment, the step and what it is for in Panama's Spanish, whatever the engine's one name says
        assertThat(context.at("/commitment/title").asText()).isEqualTo("Visitar el Darién con Panamá");
        assertThat(context.at("/step/name").asText()).endsWith("Confirmar la participación de Panamá");
        assertThat(context.at("/commitment/quote").asText()).isEqualTo(QUOTE);
        assertThat(context.at("/commitment/sourceDocument").asText()).isEqualTo("001_ae9539afecd76ba5.txt");
        assertThat(context.at("/labels/agreed").asText()).isEqualTo("Lo acordado");
        assertThat(names(context.get("leadAgencies"))).contains("Secretaría de Relaciones Exteriores",
                "Ministerio de Relaciones Exteriores de Panamá");
        assertThat(names(context.get("waitsOn"))).containsExactly("Ministerio de Relaciones Exteriores de Panamá");
        assertThat(context.at("/step/purpose").asText()).startsWith("Respuesta de Panamá a las fechas propuestas");

        JsonNode proposal = context.at("/answers/0");
        assertThat(proposal.get("task").asText()).isEqualTo("Task_ProposeVisitDates");
        assertThat(proposal.at("/agency/code").asText()).isEqualTo("sre");
        assertThat(proposal.get("heading").asText()).contains("Proponer fechas de la visita", "respondió",
                "Secretaría de Relaciones Exteriores");
        Map<String, String> values = values(proposal);
        assertThat(values).containsEntry("proposalNote", "Metetí and Lajas Blancas reception stations")
                .containsEntry("evidenceLink", SRE_EVIDENCE)
                .containsKey("proposedFrom");
        assertThat(values.get("proposedFrom")).as("a Spanish date").contains(String.valueOf(firstDay.getYear()))
                .containsIgnoringCase(" de ");
    }

    @Test
    void anEarlierChoiceIsShownAsTheReadersFormShowsIt() {
        Task confirmation = sreProposes("TEST-CONTEXT-CHOICE", LocalDate.now(ZoneOffset.UTC).plusMonths(3));
        String process = confirmation.getProcessDefinitionId();

        TaskForm spanish = forms.of(process, "Task_ConfirmPanamaParticipation", Locale.forLanguageTag("es"))
                .orElseThrow();
        TaskForm english = forms.of(process, "Task_ConfirmPanamaParticipation", Locale.ENGLISH).orElseThrow();

        assertThat(spanish.shown("panamaAgrees", "yes")).isEqualTo("Sí");
        assertThat(english.shown("panamaAgrees", "yes")).isEqualTo("Yes");
        assertThat(spanish.shown("panamaAgrees", "maybe")).as("no such option: the value").isEqualTo("maybe");
        assertThat(spanish.field("panamaAgrees").orElseThrow().label()).isEqualTo("¿Participa Panamá en estas fechas?");
    }

    @Test
    void anEnglishSpeakerReadsTheContextInEnglish() throws Exception {
        Task confirmation = sreProposes("TEST-CONTEXT-EN", LocalDate.now(ZoneOffset.UTC).plusMonths(3));

        JsonNode context = json.readTree(get("admin", "/api/tasks/" + confirmation.getId() + "/context").getBody());

        assertThat(context.at("/labels/agreed").asText()).isEqualTo("Agreed");
        assertThat(context.at("/commitment/title").asText()).isEqualTo("Visit the Darién with Panama");
        assertThat(context.at("/step/name").asText()).endsWith("Confirm Panama's participation");
        assertThat(context.at("/step/purpose").asText()).startsWith("Panama's answer to the proposed dates");
        assertThat(names(context.get("waitsOn"))).containsExactly("Ministry of Foreign Affairs of Panama");
        assertThat(context.at("/answers/0/heading").asText()).contains("answered by Ministry of Foreign Affairs");
    }

    @Test
    void aCoordinatorOfAnotherAgencyLearnsNothingOfTheTask() {
        Task confirmation = sreProposes("TEST-CONTEXT-GSA", LocalDate.now(ZoneOffset.UTC).plusMonths(3));

        var gsa = get("gsaCoordinator", "/api/tasks/" + confirmation.getId() + "/context");
        var sre = get("sreCoordinator", "/api/tasks/" + confirmation.getId() + "/context");
        var unknown = get("pamireCoordinator", "/api/tasks/no-such-task/context");

        assertThat(gsa.getStatusCode().value()).isEqualTo(404);
        assertThat(gsa.getBody()).doesNotContain("Darién", "TEST-CONTEXT-GSA", "Metetí");
        assertThat(sre.getStatusCode().value()).as("the step is Panama's, no longer SRE's").isEqualTo(404);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void panamasFormStartsWithoutSresEvidenceWhichStaysWithSresStep() throws Exception {
        Task confirmation = sreProposes("TEST-CONTEXT-EVIDENCE", LocalDate.now(ZoneOffset.UTC).plusMonths(3));

        var form = get("pamireCoordinator", "/engine-rest/task/" + confirmation.getId() + "/form-variables");

        assertThat(form.getStatusCode().value()).isEqualTo(200);
        JsonNode variables = json.readTree(form.getBody());
        assertThat(variables.has("proposedFrom")).as("the process keeps SRE's answer").isTrue();
        assertThat(variables.has("evidenceLink")).as("SRE's evidence offered to Panama").isFalse();
        assertThat(variables.has("evidenceNote")).isFalse();
        assertThat(tasks.getVariables(confirmation.getId())).doesNotContainKeys("evidenceLink", "evidenceNote");

        var completed = history.of("TEST-CONTEXT-EVIDENCE").stream()
                .filter(entry -> "task-completed".equals(entry.action())).toList();
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).detail()).containsEntry("task", "Task_ProposeVisitDates")
                .containsEntry("agency", "sre");
        assertThat(completed.get(0).detail().get("values")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("evidenceLink", SRE_EVIDENCE)
                .containsEntry("evidenceNote", "Diplomatic note sent on the day");
    }

    @Test
    void stateSeesTheWindowSreProposedForTheNextMeeting() throws Exception {
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).plusMonths(2).withDayOfMonth(3);
        register("TEST-CONTEXT-MEETING", "Hold the next meeting in February", null, "next-meeting",
                Map.of("MX", "sre", "US", "state"));
        submit("sreCoordinator", "TEST-CONTEXT-MEETING", "Task_ProposeMeetingDates", Map.of(
                "proposedFrom", firstDay.toString(), "proposedTo", firstDay.plusDays(2).toString(),
                "proposalNote", "Washington or Mexico City"));

        Task venue = task("TEST-CONTEXT-MEETING", "Task_ConfirmDateAndVenue");
        JsonNode context = json.readTree(get("stateCoordinator", "/api/tasks/" + venue.getId() + "/context").getBody());

        assertThat(context.at("/answers/0/task").asText()).isEqualTo("Task_ProposeMeetingDates");
        assertThat(values(context.at("/answers/0"))).containsEntry("proposalNote", "Washington or Mexico City")
                .containsEntry("proposedFrom", firstDay.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Locale.ENGLISH)));
        assertThat(context.at("/labels/waitsOn").asText()).isEqualTo("This step waits on");
    }

    @Test
    void gsaSeesWhatTheMexicanSideReportedButNotAsItsOwnEvidence() throws Exception {
        register("TEST-CONTEXT-OTAY", "Modernize the Otay crossing", null, "otay-crossing",
                Map.of("MX", "sedena", "US", "gsa"));
        submit("sedenaCoordinator", "TEST-CONTEXT-OTAY", "Task_ConfirmScopeAndOwners", Map.of(
                "scope", "Otay II / Otay Mesa East", "mexicanOwner", "SEDENA", "usOwner", "GSA"));
        submit("sedenaCoordinator", "TEST-CONTEXT-OTAY", "Task_MexicanPermits", Map.of(
                "mxPermitsIssuedOn", "2025-03-01", "mxPermitReferences", "SEMARNAT MIA 02BC2024V0001",
                "evidenceLink", "https://www.gob.mx/sedena/otay-permits"));

        Task usPermits = task("TEST-CONTEXT-OTAY", "Task_UsPermits");
        JsonNode context = json.readTree(get("gsaCoordinator", "/api/tasks/" + usPermits.getId() + "/context")
                .getBody());
        JsonNode form = json.readTree(get("gsaCoordinator", "/engine-rest/task/" + usPermits.getId()
                + "/form-variables").getBody());

        assertThat(context.at("/answers/0/agency/code").asText()).isEqualTo("sedena");
        assertThat(values(context.at("/answers/0"))).containsEntry("mxPermitReferences", "SEMARNAT MIA 02BC2024V0001")
                .containsEntry("evidenceLink", "https://www.gob.mx/sedena/otay-permits");
        assertThat(form.has("evidenceLink")).as("SEDENA's evidence offered to GSA").isFalse();
        assertThat(history.of("TEST-CONTEXT-OTAY").stream().filter(entry -> "task-completed".equals(entry.action()))
                .findFirst().orElseThrow().detail())
                .as("a step of both lead agencies is the completing coordinator's agency's")
                .containsEntry("task", "Task_ConfirmScopeAndOwners").containsEntry("agency", "sedena");
    }

    /** Registers a Darién visit and lets SRE propose its dates with a note and evidence; Panama's task is next. */
    private Task sreProposes(String code, LocalDate firstDay) {
        register(code, "Visit the Darién with Panama", "Visitar el Darién con Panamá", "darien-joint-visit",
                Map.of("MX", "sre", "US", "state", "PA", "pamire"));
        var values = new LinkedHashMap<String, Object>();
        values.put("proposedFrom", firstDay.toString());
        values.put("proposedTo", firstDay.plusDays(4).toString());
        values.put("proposalNote", "Metetí and Lajas Blancas reception stations");
        values.put("evidenceLink", SRE_EVIDENCE);
        values.put("evidenceNote", "Diplomatic note sent on the day");
        submit("sreCoordinator", code, "Task_ProposeVisitDates", values);
        return task(code, "Task_ConfirmPanamaParticipation");
    }

    private void register(String code, String title, String titleEs, String kind, Map<String, String> leads) {
        registry.register(new NewCommitment(code, "MX-US-2024-01-19", title, null, kind,
                leads, List.of(), LocalDate.now().plusMonths(6), null, false, "normal",
                new NewCommitment.Provenance("001_ae9539afecd76ba5.txt", QUOTE, "en"), titleEs),
                new Actor("deskOfficer", "api"));
    }

    /** Claims the task as this coordinator and submits its form with these values, as Tasklist does. */
    private void submit(String user, String code, String taskKey, Map<String, Object> values) {
        Task task = task(code, taskKey);
        var variables = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value, "type", "String")));
        assertThat(post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user))
                .getStatusCode().value()).isEqualTo(204);
        var submitted = post(user, "/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", variables));
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
    }

    private Task task(String code, String key) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key + " of " + code).isNotNull();
        return task;
    }

    private static List<String> names(JsonNode agencies) {
        return agencies.findValuesAsText("name");
    }

    private static Map<String, String> values(JsonNode answer) {
        var values = new LinkedHashMap<String, String>();
        answer.get("values").forEach(value -> values.put(value.get("key").asText(), value.get("value").asText()));
        return values;
    }

    private ResponseEntity<String> get(String user, String path) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.withBasicAuth(user, "demo").exchange(URI.create(http.getRootUri() + path), HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }
}
