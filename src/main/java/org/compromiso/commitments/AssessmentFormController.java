package org.compromiso.commitments;

import java.security.Principal;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The browser form for assessments, beside the API: leadership and the desk score a party of a commitment for a
 * period, with the same rules as {@code POST /api/commitments/{code}/assessments}.
 */
@Controller
@RequestMapping("/commitments/{code}/assessments")
class AssessmentFormController {

    private final LeadershipJudgements judgements;
    private final CommitmentQueries queries;

    AssessmentFormController(LeadershipJudgements judgements, CommitmentQueries queries) {
        this.judgements = judgements;
        this.queries = queries;
    }

    @GetMapping
    String form(@PathVariable String code, Model model) {
        return show(code, new LeadershipController.NewAssessment(null, null, null, null), model);
    }

    @PostMapping
    String assess(@PathVariable String code, @Valid @ModelAttribute("assessment") LeadershipController.NewAssessment form,
                  BindingResult errors, Principal user, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return show(code, form, model);
        }
        try {
            judgements.assess(code, new LeadershipJudgements.Assessment(form.period(), form.party(), form.score(),
                    form.rationale(), user.getName()));
        } catch (InvalidCommitmentException e) {
            e.problems().forEach(problem -> errors.rejectValue(problem.field(), "invalid", problem.reason()));
            return show(code, form, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/commitments/{code}/assessments";
    }

    private String show(String code, LeadershipController.NewAssessment form, Model model) {
        var detail = queries.find(code).orElseThrow(() -> new CommitmentNotFoundException(code));
        model.addAttribute("commitment", detail.commitment());
        model.addAttribute("assessment", form);
        model.addAttribute("assessments", judgements.assessmentsOf(code));
        return "commitments/assessments";
    }
}
