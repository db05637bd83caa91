package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 19: the form Tasklist fetches for a task ({@code deployed-form}) and its filters speak the reader's language,
 * their account's: SRE's coordinator reads Spanish, State's English, with the same fields, checks and queries.
 */
@CompromisoTest
class TasklistInTheUsersLanguageTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final MediaType HAL = MediaType.parseMediaType("application/hal+json");
    private static final String FILTERS = "/filter?resourceType=Task&firstResult=0&maxResults=100";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    ObjectMapper json;
    @Autowired
    FilterService filters;
    @Autowired
    TasklistFilters tasklistFilters;

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void aSpanishCoordinatorReadsTheFormInSpanishAnEnglishOneInEnglish(EngineApi api) throws IOException {
        String code = "TEST-FORM-LANGUAGE-" + SEQUENCE.incrementAndGet();
        new DeskActions(http).register(code, "A visit whose forms are read in two languages", "darien-joint-visit",
                Map.of("MX", "sre", "US", "state", "PA", "pamire"));
        String proposal = open(code, "Task_ProposeVisitDates");

        JsonNode spanish = read(api.get(http, "sreCoordinator", "/task/" + proposal + "/deployed-form"));
        JsonNode firstDay = field(spanish, "proposedFrom");
        assertThat(firstDay.path("label").asText()).isEqualTo("Primer día propuesto")
                .isEqualTo(firstDay.at("/properties/label.es").asText());
        assertThat(firstDay.path("validate").path("required").asBoolean()).isTrue();
        assertThat(spanish.at("/components/0/text").asText()).startsWith("**Proponer fechas de la visita.**");

        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        tasks.complete(proposal, Map.of("proposedFrom", day.toString(), "proposedTo", day.plusDays(2).toString()));
        tasks.complete(open(code, "Task_ConfirmPanamaParticipation"),
                Map.of("panamaAgrees", "yes", "visitDate", day.toString()));
        String usDelegation = open(code, "Task_ConfirmUsDelegation");

        JsonNode english = read(api.get(http, "stateCoordinator", "/task/" + usDelegation + "/deployed-form"));
        assertThat(labels(english)).contains("Head of delegation (office)")
                .doesNotContain("Jefatura de la delegación (oficina)");
        JsonNode sameInSpanish = read(api.get(http, "pamireCoordinator", "/task/"
                + open(code, "Task_ConfirmPanamanianDelegation") + "/deployed-form"));
        assertThat(labels(sameInSpanish)).contains("Jefatura de la delegación (oficina)");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void filtersAreNamedInTheReadersLanguageAndAdminsSeeThemAsStored(EngineApi api) throws IOException {
        JsonNode spanish = read(api.get(http, "sreCoordinator", FILTERS));
        assertThat(spanish.findValuesAsText("name")).contains("Tareas de mi dependencia", "Vencidas")
                .doesNotContain("My agency's tasks");
        assertThat(spanish.findValuesAsText("description"))
                .contains("Tareas abiertas de su dependencia, las que vencen antes primero");
        assertThat(spanish.findValuesAsText("label")).contains("Compromiso");

        JsonNode english = read(api.get(http, "stateCoordinator", FILTERS));
        assertThat(english.findValuesAsText("name")).contains("My agency's tasks", "Overdue")
                .doesNotContain("Tareas de mi dependencia");

        String overdue = english.findParents("name").stream()
                .filter(filter -> "Overdue".equals(filter.path("name").asText())).findFirst().orElseThrow()
                .path("id").asText();
        assertThat(read(api.get(http, "sreCoordinator", "/filter/" + overdue)).path("name").asText())
                .isEqualTo("Vencidas");
        // admins edit filters: a translated copy saved back would rename the filter
        assertThat(read(api.get(http, "admin", "/filter/" + overdue)).path("name").asText()).isEqualTo("Overdue");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void tasksAreNamedAndDescribedInTheReadersLanguageWhoeverTheyWaitOn(EngineApi api) throws IOException {
        String code = "TEST-TASK-LANGUAGE-" + SEQUENCE.incrementAndGet();
        // Mexico and the US share the plan, so the engine keeps the model's English name for it
        new DeskActions(http).register(code, "An action planned in two languages", "agreed-action",
                Map.of("MX", "sre", "US", "state"));
        String plan = open(code, "Task_PlanAction");
        String byCommitment = "/task?firstResult=0&maxResults=10&processInstanceBusinessKey=" + code;

        JsonNode spanish = read(api.get(http, "sreCoordinator", "/task/" + plan));
        assertThat(spanish.path("name").asText()).isEqualTo(code + " · An action planned in two languages"
                + " — Planear la acción");
        assertThat(spanish.path("description").asText()).startsWith("Indique cómo llevarán a cabo");
        JsonNode halList = read(api.get(http, "sreCoordinator", byCommitment, HAL));
        assertThat(halList.at("/_embedded/task/0/name").asText()).endsWith("— Planear la acción");
        assertThat(halList.at("/_embedded/task/0/due").asText()).as("dates as Camunda writes them")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
        JsonNode halTask = read(api.get(http, "sreCoordinator", "/task/" + plan, HAL));
        assertThat(halTask.path("description").asText()).startsWith("Indique cómo llevarán a cabo");
        String myAgency = filters.createFilterQuery().filterName(TasklistFilters.MY_AGENCY).singleResult().getId();
        JsonNode listed = read(api.post(http, "sreCoordinator", "/filter/" + myAgency
                + "/list?firstResult=0&maxResults=10", Map.of("processInstanceBusinessKey", code)));
        assertThat(listed.findValuesAsText("name")).contains(spanish.path("name").asText());

        JsonNode english = read(api.get(http, "stateCoordinator", byCommitment));
        assertThat(english.at("/0/name").asText()).endsWith("— Plan the action");
        assertThat(english.at("/0/description").asText()).startsWith("Say how the lead agencies");

        // and the other way round: SRE's own step is stored in Spanish, an English-speaking reader reads English
        String visit = "TEST-TASK-LANGUAGE-" + SEQUENCE.incrementAndGet();
        new DeskActions(http).register(visit, "A visit named in two languages", "darien-joint-visit",
                Map.of("MX", "sre", "US", "state", "PA", "pamire"));
        String proposal = open(visit, "Task_ProposeVisitDates");
        assertThat(tasks.createTaskQuery().taskId(proposal).singleResult().getName())
                .endsWith("— Proponer fechas de la visita");
        assertThat(read(api.get(http, "admin", "/task/" + proposal)).path("name").asText())
                .endsWith("— Propose visit dates");

        // Tasklist sends the whole task back when a date changes: reading it in Spanish renames nothing
        Task before = tasks.createTaskQuery().taskId(plan).singleResult();
        var spanishCopy = (ObjectNode) read(api.get(http, "admin", "/task/" + plan, MediaType.APPLICATION_JSON, "es"));
        assertThat(spanishCopy.path("name").asText()).endsWith("— Planear la acción");
        spanishCopy.retain(DeskActions.TASK_FIELDS);
        spanishCopy.put("priority", 60);
        assertThat(api.put(http, "admin", "/task/" + plan, spanishCopy).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Task after = tasks.createTaskQuery().taskId(plan).singleResult();
        assertThat(after.getPriority()).isEqualTo(60);
        assertThat(after.getName()).isEqualTo(before.getName()).endsWith("— Plan the action");
        assertThat(after.getDescription()).isEqualTo(before.getDescription());

        // what someone wrote into a task is theirs, in every language
        var desk = new DeskActions(http);
        assertThat(desk.changeTask("admin", plan, "description", "Call Tapachula first").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(desk.changeTask("admin", plan, "name", "Plan, the short way").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode changed = read(api.get(http, "sreCoordinator", "/task/" + plan));
        assertThat(changed.path("description").asText()).isEqualTo("Call Tapachula first");
        assertThat(changed.path("name").asText()).isEqualTo("Plan, the short way");
    }

    @Test
    void aStartBringsTheTranslationsUpToDateAndKeepsWhatAnAdminChanged() {
        Filter overdue = filters.createFilterQuery().filterName("Overdue").singleResult();
        Map<String, Object> before = overdue.getProperties();
        var edited = new LinkedHashMap<>(before);
        edited.put("color", "#123456");
        edited.remove("name.es");
        filters.saveFilter(overdue.setProperties(edited));
        try {
            tasklistFilters.afterPropertiesSet();

            Map<String, Object> after = filters.getFilter(overdue.getId()).getProperties();
            assertThat(after).containsEntry("color", "#123456").containsEntry("name.es", "Vencidas");
            assertThat(filters.createFilterQuery().filterName("Overdue").count()).isEqualTo(1);
        } finally {
            filters.saveFilter(filters.getFilter(overdue.getId()).setProperties(before));
        }
    }

    private JsonNode read(ResponseEntity<String> answer) throws IOException {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private static JsonNode field(JsonNode form, String key) {
        return form.findParents("key").stream().filter(component -> key.equals(component.path("key").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no field " + key + " in " + form));
    }

    private static List<String> labels(JsonNode form) {
        var labels = new ArrayList<String>();
        form.findParents("label").forEach(component -> labels.add(component.path("label").asText()));
        return labels;
    }

    private String open(String code, String taskKey) {
        var task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        return task.getId();
    }
}
