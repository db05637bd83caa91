package org.compromiso.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A round of talks, with its delegations and the documents that report it. */
public record Meeting(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,63}", message = "must be 3-64 upper-case letters, digits or dashes")
        String code,
        @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String title,
        @NotNull LocalDate heldOn,
        LocalDate endsOn,
        @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String place,
        @Size(max = 4000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String summary,
        List<@Valid @NotNull Source> sources,
        Map<@Pattern(regexp = "[A-Z]{2}", message = "must be a party code such as MX") String,
                List<@Valid @NotNull Delegate>> delegations) {

    /**
     * Names and titles reach mail subjects and headers: one line, no control characters (no header injection).
     */
    public static final String ONE_LINE = "[^\\p{Cntrl}]*";
    public static final String ONE_LINE_MESSAGE = "must be one line without control characters";
    /** Longer texts may have line breaks and tabs, but no other control characters (PostgreSQL refuses NUL). */
    public static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String TEXT_MESSAGE = "must not contain control characters";
    /** A document is named by its file name in the seeds, never by a path. */
    public static final String FILE_NAME = "[A-Za-z0-9][A-Za-z0-9._ -]*";
    public static final String FILE_NAME_MESSAGE = "must be a file name, without folders";

    public Meeting {
        sources = sources == null ? List.of() : List.copyOf(sources);
        delegations = delegations == null ? Map.of() : delegations;
    }

    /** Meetings of this century or the next: a year like 99999 is a typo, and PostgreSQL would refuse it. */
    @AssertTrue(message = "must be a day between 1900 and 2199")
    public boolean isHeldInAPlausibleYear() {
        return heldOn == null || heldOn.getYear() >= 1900 && heldOn.getYear() < 2200;
    }

    /** A meeting of several days ends on or after its first day, within a month (longer is a typing error). */
    @AssertTrue(message = "must be on or after heldOn, at most 31 days later")
    public boolean isEndsOnPlausible() {
        return endsOn == null || heldOn == null || !endsOn.isBefore(heldOn) && !endsOn.isAfter(heldOn.plusDays(31));
    }

    /** A document that reports the meeting, by its file name in the seeds. */
    public record Source(@NotBlank @Size(max = 200) @Pattern(regexp = FILE_NAME, message = FILE_NAME_MESSAGE) String document,
                         @NotBlank @Size(max = 300) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String title) {
    }

    /** A member of one party's delegation. */
    public record Delegate(@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String name,
                           @NotBlank @Size(max = 300) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String role) {
    }
}
