package org.compromiso.parties;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A government at the table, by its ISO 3166 alpha-2 code, with its name in English and Spanish. */
public record Party(
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be two upper-case letters, such as CA") String code,
        @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String nameEn,
        @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String nameEs) {

    // a name reaches mail subjects: one line, as a meeting's title (parties depend on no other module)
    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    static final String ONE_LINE_MESSAGE = "must be one line without control characters";
}
