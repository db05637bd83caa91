package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TaskFormFieldTest {

    static final TaskForm.Field VERIFIED = new TaskForm.Field("verified", "radio", "Verified?", true, null,
            List.of("yes", "no"), null);
    static final TaskForm.Field NOTE = new TaskForm.Field("note", "textarea", "Note", false, null, List.of(), 5);
    static final TaskForm.Field LINK = new TaskForm.Field("evidenceLink", "textfield", "Link", false,
            "^https?://\\S+$", List.of(), 500);
    static final TaskForm.Field BLOCKER = new TaskForm.Field("blocker", "checkbox", "Blocker", true, null,
            List.of(), null);

    @Test
    void aRequiredFieldNeedsAValue() {
        assertThat(VERIFIED.problemWith(null)).contains("is required");
        assertThat(VERIFIED.problemWith(" ")).contains("is required");
        assertThat(NOTE.problemWith(null)).isEmpty();
        assertThat(BLOCKER.problemWith(Boolean.FALSE)).as("an unticked box is an answer").isEmpty();
    }

    @Test
    void aChoiceMustBeOneOfTheFormsOptions() {
        assertThat(VERIFIED.problemWith("no")).isEmpty();
        assertThat(VERIFIED.problemWith("maybe")).contains("must be one of yes, no");
    }

    @Test
    void aTextMayNotBeLongerThanTheFormAllows() {
        assertThat(NOTE.problemWith("12345")).isEmpty();
        assertThat(NOTE.problemWith("123456")).contains("must be at most 5 characters");
    }

    @Test
    void aTextMustMatchTheFormsPattern() {
        assertThat(LINK.problemWith("https://example.org/x")).isEmpty();
        assertThat(LINK.problemWith("example.org")).get().asString().startsWith("does not match");
    }
}
