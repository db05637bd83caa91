package org.compromiso.commitments;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.compromiso.engine.EngineConflicts;
import org.compromiso.identity.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The commitment desk's API: register, list, read and change the course of commitments. */
@RestController
@RequestMapping("/api/commitments")
@Validated
class CommitmentController {

    private static final String LIFECYCLES = "open|done|not_implemented|cancelled";

    private final CommitmentRegistry registry;
    private final CommitmentCorrections corrections;
    private final CommitmentQueries queries;
    private final EngineConflicts conflicts;

    CommitmentController(CommitmentRegistry registry, CommitmentCorrections corrections, CommitmentQueries queries,
                         EngineConflicts conflicts) {
        this.registry = registry;
        this.corrections = corrections;
        this.queries = queries;
        this.conflicts = conflicts;
    }

    @PostMapping
    ResponseEntity<CommitmentDetail> register(@Valid @RequestBody NewCommitment commitment, Principal user) {
        registry.register(commitment, new Actor(user.getName(), "api"));
        return ResponseEntity.created(URI.create("/api/commitments/" + commitment.code())).body(read(commitment.code()));
    }

    @GetMapping
    CommitmentPage list(@RequestParam(required = false) String meeting,
                        @RequestParam(required = false) String agency,
                        @RequestParam(required = false) @Pattern(regexp = LIFECYCLES, message = "must be one of "
                                + "open, done, not_implemented, cancelled (report colours such as overdue are "
                                + "filters of /reports/status)") String status,
                        @RequestParam(required = false) String kind,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                        Authentication user) {
        return queries.list(new CommitmentFilter(meeting, agency, status, kind, visibleTo(user)), page, size);
    }

    @GetMapping("/{code}")
    CommitmentDetail read(@PathVariable String code, Authentication user) {
        return queries.find(code, visibleTo(user)).orElseThrow(() -> new CommitmentNotFoundException(code));
    }

    private CommitmentDetail read(String code) {
        return queries.find(code).orElseThrow(() -> new CommitmentNotFoundException(code));
    }

    /** The agencies whose commitments this user may see; null when they may see all. */
    private static Set<String> visibleTo(Authentication user) {
        Viewer viewer = Viewer.of(user);
        return viewer.seesEverything() ? null : viewer.groups();
    }

    @PutMapping("/{code}/target-date")
    CommitmentDetail changeTargetDate(@PathVariable String code, @Valid @RequestBody TargetDateChange change,
                                      Principal user) {
        conflicts.retried(() -> registry.changeTargetDate(code, change.targetDate(), change.reason(),
                new Actor(user.getName(), "api")));
        return read(code);
    }

    /** Corrects the title (a typo, a better wording); the history keeps the old one and the reason. */
    @PatchMapping("/{code}")
    CommitmentDetail correct(@PathVariable String code, @Valid @RequestBody TitleCorrection correction,
                             Principal user) {
        conflicts.retried(() -> corrections.correctTitle(code, correction.title(), correction.reason(),
                new Actor(user.getName(), "api")));
        return read(code);
    }

    @PostMapping("/{code}/close-as-not-implemented")
    CommitmentDetail closeAsNotImplemented(@PathVariable String code, @Valid @RequestBody Closing closing,
                                           Principal user) {
        conflicts.retried(() -> registry.closeAsNotImplemented(code, closing.justification(),
                new Actor(user.getName(), "api")));
        return read(code);
    }

    @PostMapping("/{code}/cancel")
    CommitmentDetail cancel(@PathVariable String code, @Valid @RequestBody Cancellation cancellation,
                            Principal user) {
        conflicts.retried(() -> registry.cancel(code, cancellation.reason(), new Actor(user.getName(), "api")));
        return read(code);
    }

    record TargetDateChange(@NotNull LocalDate targetDate, @NotBlank @Size(max = 2000) String reason) {
    }

    record TitleCorrection(@NotBlank @Size(max = 200)
                           @Pattern(regexp = org.compromiso.meetings.Meeting.ONE_LINE,
                                   message = org.compromiso.meetings.Meeting.ONE_LINE_MESSAGE) String title,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    record Closing(@NotBlank @Size(max = 2000) String justification) {
    }

    record Cancellation(@NotBlank @Size(max = 2000) String reason) {
    }
}
