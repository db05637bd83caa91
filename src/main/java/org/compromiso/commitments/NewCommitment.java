package org.compromiso.commitments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.compromiso.meetings.Meeting;

/** What the commitment desk registers: one agreed action of a meeting. */
public record NewCommitment(
        @NotBlank @Pattern(regexp = CODE, message = "must be 3-64 upper-case letters, digits or dashes") String code,
        @NotBlank @Size(max = 64) String meetingCode,
        @NotBlank @Size(max = 200) @Pattern(regexp = Meeting.ONE_LINE, message = Meeting.ONE_LINE_MESSAGE) String title,
        @Size(max = 4000) @Pattern(regexp = Meeting.TEXT, message = Meeting.TEXT_MESSAGE) String description,
        @NotBlank @Size(max = 64) String kind,
        @NotEmpty Map<@Pattern(regexp = "[A-Z]{2}", message = "must be a party code such as MX") String,
                @NotBlank String> leadAgencies,
        List<@NotBlank String> contributingAgencies,
        LocalDate targetDate,
        @Size(max = 1000) @Pattern(regexp = Meeting.TEXT, message = Meeting.TEXT_MESSAGE) String targetBasis,
        boolean continuing,
        @Pattern(regexp = "high|normal|low", message = "must be high, normal or low") String priority,
        @NotNull @Valid Provenance provenance,
        @Size(max = 200) @Pattern(regexp = Meeting.ONE_LINE, message = Meeting.ONE_LINE_MESSAGE) String titleEs) {

    public static final String CODE = "[A-Z0-9][A-Z0-9-]{2,63}";

    public NewCommitment {
        contributingAgencies = contributingAgencies == null ? List.of() : List.copyOf(contributingAgencies);
        priority = priority == null ? "normal" : priority;
    }

    /** A commitment whose title is given in one language only (the title); names in Spanish fall back to it. */
    public NewCommitment(String code, String meetingCode, String title, String description, String kind,
                         Map<String, String> leadAgencies, List<String> contributingAgencies, LocalDate targetDate,
                         String targetBasis, boolean continuing, String priority, Provenance provenance) {
        this(code, meetingCode, title, description, kind, leadAgencies, contributingAgencies, targetDate, targetBasis,
                continuing, priority, provenance, null);
    }

    /** The same commitment, agreed in the given meeting (the catalog names the meeting once per file). */
    public NewCommitment inMeeting(String meeting) {
        return new NewCommitment(code, meeting, title, description, kind, leadAgencies, contributingAgencies,
                targetDate, targetBasis, continuing, priority, provenance, titleEs);
    }

    /** The sentence that established the commitment, in its language, and the document it comes from. */
    public record Provenance(@NotBlank @Size(max = 200)
                             @Pattern(regexp = Meeting.FILE_NAME, message = Meeting.FILE_NAME_MESSAGE) String document,
                             @NotBlank @Size(max = 2000) @Pattern(regexp = Meeting.TEXT, message = Meeting.TEXT_MESSAGE)
                             String quote,
                             @NotBlank @Pattern(regexp = "en|es", message = "must be en or es") String language) {
    }
}
