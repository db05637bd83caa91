package org.compromiso.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A round of talks, with its delegations and the documents that report it. */
public record Meeting(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,63}", message = "must be 3-64 upper-case letters, digits or dashes")
        String code,
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDate heldOn,
        @NotBlank @Size(max = 200) String place,
        @Size(max = 4000) String summary,
        List<@Valid @NotNull Source> sources,
        Map<@Pattern(regexp = "[A-Z]{2}", message = "must be a party code such as MX") String,
                List<@Valid @NotNull Delegate>> delegations) {

    public Meeting {
        sources = sources == null ? List.of() : List.copyOf(sources);
        delegations = delegations == null ? Map.of() : delegations;
    }

    /** A document that reports the meeting, by its file name in the seeds. */
    public record Source(@NotBlank @Size(max = 200) String document, @NotBlank @Size(max = 300) String title) {
    }

    /** A member of one party's delegation. */
    public record Delegate(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 300) String role) {
    }
}
