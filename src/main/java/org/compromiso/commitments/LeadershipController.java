package org.compromiso.commitments;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.compromiso.identity.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Assessments (leadership and the desk) and colour overrides (leadership) of a commitment. */
@RestController
@RequestMapping("/api/commitments/{code}")
class LeadershipController {

    private final LeadershipJudgements judgements;
    private final CommitmentQueries queries;

    LeadershipController(LeadershipJudgements judgements, CommitmentQueries queries) {
        this.judgements = judgements;
        this.queries = queries;
    }

    @PostMapping("/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    List<LeadershipJudgements.Assessment> assess(@PathVariable String code, @Valid @RequestBody NewAssessment body,
                                                 Principal user) {
        requireCommitment(code);
        judgements.assess(code, new LeadershipJudgements.Assessment(body.period(), body.party(), body.score(),
                body.rationale(), user.getName()));
        return judgements.assessmentsOf(code);
    }

    /** Only for those who may see the commitment: the same rule as {@code GET /api/commitments/{code}}. */
    @GetMapping("/assessments")
    List<LeadershipJudgements.Assessment> assessments(@PathVariable String code, Authentication user) {
        Viewer viewer = Viewer.of(user);
        queries.find(code, viewer.seesEverything() ? null : viewer.groups())
                .orElseThrow(() -> new CommitmentNotFoundException(code));
        return judgements.assessmentsOf(code);
    }

    @PostMapping("/status-override")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void overrideStatus(@PathVariable String code, @Valid @RequestBody StatusOverride body, Principal user) {
        requireCommitment(code);
        judgements.overrideStatus(code, body.status(), body.comment(), user.getName());
    }

    private void requireCommitment(String code) {
        queries.find(code).orElseThrow(() -> new CommitmentNotFoundException(code));
    }

    record NewAssessment(
            @NotBlank @Pattern(regexp = "[0-9]{4}-(Q[1-4]|H[12]|[0-9]{2})", message = "must be like 2024-Q1, 2024-H1 or 2024-03")
            String period,
            @NotBlank @Pattern(regexp = "MX|US|PA|GT", message = "must be MX, US, PA or GT") String party,
            @NotNull @Min(-1) @Max(1) Integer score,
            @NotBlank @Size(max = 4000) String rationale) {
    }

    /** {@code status} null withdraws the override. */
    record StatusOverride(
            @Pattern(regexp = "ON_TRACK|AT_RISK|OVERDUE|DONE|NOT_IMPLEMENTED|CANCELLED",
                    message = "must be one of ON_TRACK, AT_RISK, OVERDUE, DONE, NOT_IMPLEMENTED, CANCELLED") String status,
            @NotBlank @Size(max = 2000) String comment) {
    }
}
