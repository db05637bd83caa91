package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TaskFormFieldTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final ZoneId ZONE = ZoneOffset.UTC;

    static final TaskForm.Field VERIFIED = new TaskForm.Field("verified", "radio", "Verified?", true, null,
            List.of("yes", "no"), null);
    static final TaskForm.Field NOTE = new TaskForm.Field("note", "textarea", "Note", false, null, List.of(), 5);
    static final TaskForm.Field LINK = new TaskForm.Field("evidenceLink", "textfield", "Link", false,
            "^https?://\\S+$", List.of(), 500);
    static final TaskForm.Field BLOCKER = new TaskForm.Field("blocker", "checkbox", "Blocker", true, null,
            List.of(), null);
    static final TaskForm.Field SIZE = new TaskForm.Field("delegationSize", "number", "Size", true, null, List.of(),
            null, BigDecimal.ONE, BigDecimal.valueOf(50), false, null);
    static final TaskForm.Field DONE_ON = new TaskForm.Field("doneOn", "datetime", "Done on", true, null, List.of(),
            null, null, null, false, null);
    static final TaskForm.Field FROM = new TaskForm.Field("proposedFrom", "datetime", "First day", true, null,
            List.of(), null, null, null, true, null);
    static final TaskForm.Field TO = new TaskForm.Field("proposedTo", "datetime", "Last day", true, null, List.of(),
            null, null, null, true, "proposedFrom");

    @Test
    void aRequiredFieldNeedsAValue() {
        assertThat(code(VERIFIED, null)).contains("required");
        assertThat(code(VERIFIED, " ")).contains("required");
        assertThat(code(NOTE, null)).isEmpty();
        assertThat(code(BLOCKER, Boolean.FALSE)).as("an unticked box is an answer").isEmpty();
    }

    @Test
    void aChoiceMustBeOneOfTheFormsOptions() {
        assertThat(code(VERIFIED, "no")).isEmpty();
        assertThat(check(VERIFIED, "maybe")).contains(new TaskForm.Reason("choice", List.of("yes, no")));
    }

    @Test
    void aTextMayNotBeLongerThanTheFormAllows() {
        assertThat(code(NOTE, "12345")).isEmpty();
        assertThat(check(NOTE, "123456")).contains(new TaskForm.Reason("maxLength", List.of("5")));
    }

    @Test
    void aTextMustMatchTheFormsPattern() {
        assertThat(code(LINK, "https://example.org/x")).isEmpty();
        assertThat(code(LINK, "example.org")).contains("pattern");
    }

    @Test
    void aNumberIsANumberWithinTheFormsBounds() {
        assertThat(code(SIZE, 1L)).isEmpty();
        assertThat(code(SIZE, 50)).isEmpty();
        assertThat(code(SIZE, "12")).as("a script may send it as text").isEmpty();
        assertThat(code(SIZE, 0L)).contains("min");
        assertThat(code(SIZE, 51.5)).contains("max");
        assertThat(code(SIZE, "a dozen")).contains("number");
        assertThat(code(SIZE, Double.NaN)).contains("number");
    }

    @Test
    void aDateIsARealDayAsTasklistWritesIt() {
        assertThat(code(DONE_ON, "2024-02-29")).isEmpty();
        assertThat(code(DONE_ON, Date.from(TODAY.atStartOfDay(ZONE).toInstant()))).isEmpty();
        assertThat(code(DONE_ON, "2020-01-01")).as("a past day is fine where ahead is not asked").isEmpty();
        for (String notADay : List.of("2027-13-45", "2023-02-29", "next tuesday", "31/02/2027", "+12027-01-01", "20270101")) {
            assertThat(code(DONE_ON, notADay)).as(notADay).contains("date");
        }
        assertThat(code(DONE_ON, 20270101L)).contains("date");
    }

    @Test
    void aDateThatMustLieAheadIsNotInThePast() {
        assertThat(code(FROM, TODAY.toString())).as("today is not past").isEmpty();
        assertThat(code(FROM, TODAY.plusDays(1).toString())).isEmpty();
        assertThat(check(FROM, TODAY.minusDays(1).toString())).contains(new TaskForm.Reason("ahead", List.of(TODAY)));
    }

    @Test
    void aRangesEndIsNotBeforeItsStart() {
        var start = Map.<String, Object>of("proposedFrom", "2027-03-10");
        assertThat(TO.problemWith("2027-03-10", TODAY, ZONE, start::get)).as("a one-day range").isEmpty();
        assertThat(TO.problemWith("2027-03-12", TODAY, ZONE, start::get)).isEmpty();
        assertThat(TO.problemWith("2027-03-09", TODAY, ZONE, start::get))
                .contains(new TaskForm.Reason("after", List.of("proposedFrom", LocalDate.of(2027, 3, 10))));
        assertThat(TO.problemWith("2027-03-09", TODAY, ZONE, key -> null)).as("no start: its own refusal").isEmpty();
    }

    private static Optional<TaskForm.Reason> check(TaskForm.Field field, Object value) {
        return field.problemWith(value, TODAY, ZONE, key -> null);
    }

    private static Optional<String> code(TaskForm.Field field, Object value) {
        return check(field, value).map(TaskForm.Reason::code);
    }
}
