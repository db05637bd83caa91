package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.compromiso.workflow.FormRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 19: the server checks a completion's values against the rules its form declares, on {@code complete} and
 * {@code submit-form} of both REST paths and in the Java API, and says why in the user's language.
 */
@CompromisoTest
class CompletionValuesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    // the test service runs on the system clock in UTC (compromiso.time.zone)
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    ObjectMapper json;

    static Stream<Arguments> paths() {
        return Stream.of(EngineApi.values()).flatMap(api ->
                Stream.of("/complete", "/submit-form").map(operation -> Arguments.of(api, operation)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("paths")
    void impossiblePastAndReversedDatesAreRefusedInTheUsersLanguage(EngineApi api, String operation) {
        String code = visit();
        String propose = open(code, "Task_ProposeVisitDates");

        // sreCoordinator's account says Spanish: that wins over the browser's English
        var impossible = complete(api, operation, "sreCoordinator", propose, "en",
                Map.of("proposedFrom", text("2027-13-45"), "proposedTo", text("next tuesday")));
        assertRefused(impossible, "proposedFrom", "no es una fecha");
        assertThat(errors(impossible)).containsEntry("proposedTo", "no es una fecha (un día que exista, escrito aaaa-mm-dd)");

        var past = complete(api, operation, "sreCoordinator", propose, "en",
                Map.of("proposedFrom", text(TODAY.minusDays(1)), "proposedTo", text(TODAY.plusDays(3))));
        assertRefused(past, "proposedFrom", "no puede estar en el pasado");
        assertThat(errors(past)).doesNotContainKey("proposedTo");

        var reversed = complete(api, operation, "sreCoordinator", propose, "en",
                Map.of("proposedFrom", text(TODAY.plusDays(30)), "proposedTo", text(TODAY.plusDays(20))));
        assertRefused(reversed, "proposedTo", "no puede ser anterior a Primer día propuesto");
        assertThat(open(code, "Task_ProposeVisitDates")).as("still open after the refusals").isEqualTo(propose);

        var valid = complete(api, operation, "sreCoordinator", propose, "en",
                Map.of("proposedFrom", text(TODAY.plusDays(30)), "proposedTo", text(TODAY.plusDays(30))));
        assertThat(valid.getStatusCode()).as(valid.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("paths")
    void aChoiceOutsideTheListAndANumberOutOfBoundsAreRefused(EngineApi api, String operation) {
        String code = visit();
        tasks.complete(open(code, "Task_ProposeVisitDates"), Map.of("proposedFrom", TODAY.plusDays(30).toString(),
                "proposedTo", TODAY.plusDays(32).toString()));
        String panama = open(code, "Task_ConfirmPanamaParticipation");

        var maybe = complete(api, operation, "pamireCoordinator", panama, "es",
                Map.of("panamaAgrees", text("quizás"), "visitDate", text(TODAY.plusDays(31))));
        assertRefused(maybe, "panamaAgrees", "debe ser una de estas opciones: yes, no");

        var agrees = complete(api, operation, "pamireCoordinator", panama, "es",
                Map.of("panamaAgrees", text("yes"), "visitDate", text(TODAY.plusDays(31))));
        assertThat(agrees.getStatusCode()).as(agrees.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
        String us = open(code, "Task_ConfirmUsDelegation");

        // stateCoordinator's account says English: that wins over the browser's Spanish
        for (var size : List.of(Map.of("value", 0, "type", "Long"), Map.of("value", 51, "type", "Integer"),
                text("a dozen"))) {
            var answer = complete(api, operation, "stateCoordinator", us, "es",
                    Map.of("headOfDelegation", text("Deputy Secretary"), "delegationSize", size));
            assertRefused(answer, "delegationSize", size.get("value").equals(0) ? "must be at least 1"
                    : size.get("value").equals(51) ? "must be at most 50" : "is not a number");
        }
        var valid = complete(api, operation, "stateCoordinator", us, "es",
                Map.of("headOfDelegation", text("Deputy Secretary"), "delegationSize", Map.of("value", 12, "type", "Long")));
        assertThat(valid.getStatusCode()).as(valid.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("paths")
    void aUserWithoutALanguageIsAnsweredInTheLanguageTheirBrowserAsksFor(EngineApi api, String operation) {
        String propose = open(visit(), "Task_ProposeVisitDates");
        var values = Map.<String, Object>of("proposedFrom", text("2027-02-31"), "proposedTo", text("2027-03-01"));

        assertRefused(complete(api, operation, "admin", propose, "es-MX,es;q=0.9", values), "proposedFrom",
                "no es una fecha");
        assertRefused(complete(api, operation, "admin", propose, "en-US,en;q=0.9", values), "proposedFrom",
                "is not a date");
        assertRefused(complete(api, operation, "admin", propose, "fr-FR, es;q=0.5", values), "proposedFrom",
                "no es una fecha");
    }

    @Test
    void theJavaApiIsCheckedToo() {
        String propose = open(visit(), "Task_ProposeVisitDates");

        assertThatThrownBy(() -> tasks.complete(propose, Map.of("proposedFrom", TODAY.plusDays(9).toString(),
                "proposedTo", TODAY.plusDays(8).toString())))
                .hasRootCauseInstanceOf(FormRefusal.class)
                .rootCause().hasMessageContaining("proposedTo: must not be before Proposed first day");
        assertThat(tasks.createTaskQuery().taskId(propose).count()).isOne();
    }

    private String visit() {
        String code = "TEST-VALUES-" + SEQUENCE.incrementAndGet();
        new DeskActions(http).register(code, "A visit whose dates are checked", "darien-joint-visit",
                Map.of("MX", "sre", "US", "state", "PA", "pamire"));
        return code;
    }

    private String open(String code, String taskKey) {
        var task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        return task.getId();
    }

    private static Map<String, Object> text(Object value) {
        return Map.of("value", value.toString(), "type", "String");
    }

    private ResponseEntity<String> complete(EngineApi api, String operation, String user, String taskId,
                                            String language, Map<String, Object> variables) {
        return api.post(http, user, "/task/" + taskId + operation, Map.of("variables", new LinkedHashMap<>(variables)),
                language);
    }

    private void assertRefused(ResponseEntity<String> answer, String field, String reason) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(errors(answer)).hasEntrySatisfying(field, said -> assertThat(said).startsWith(reason));
        assertThat(read(answer).path("message").asText()).as("what Tasklist shows").contains(field + ": " + reason);
    }

    private Map<String, String> errors(ResponseEntity<String> answer) {
        var errors = new LinkedHashMap<String, String>();
        read(answer).path("errors").forEach(error -> errors.put(error.path("field").asText(),
                error.path("reason").asText()));
        return errors;
    }

    private JsonNode read(ResponseEntity<String> answer) {
        try {
            return json.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError(answer.getBody(), e);
        }
    }
}
