package org.compromiso.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.compromiso.commitments.LeadershipJudgements;
import org.compromiso.workflow.TaskForm;
import org.compromiso.guard.DeclaredFields;
import org.compromiso.workflow.TaskForms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves a few demo commitments as far as the public follow-up facts in the seeds take them, by completing their
 * tasks as the coordinators would: the Otay II owners confirmed and the Mexican side's works done (reported
 * essentially complete in 2025), and the meeting with Guatemala held (the first US–Mexico–Guatemala ministerial,
 * 2024-02-28). Each step is done only while the process still waits at it, so a restart changes nothing.
 * <p>
 * It also enters the compliance assessments that those facts justify, as leadership would, each once per period
 * and party, with the fact as its rationale. Where the seeds report nothing (the US$180 million program), nothing
 * is scored.
 */
@Component
@ConditionalOnProperty(name = "compromiso.demo.enabled", havingValue = "true")
class DemoProgress {

    private static final Logger log = LoggerFactory.getLogger(DemoProgress.class);
    private static final String SANDAG = "https://www.sandag.org/news";
    private static final String LA_DECLARATION = "https://www.losangelesdeclaration.com";
    private static final String ASSESSOR = "leadershipReader";

    private final TaskService tasks;
    private final IdentityService identity;
    private final TaskForms forms;
    private final DeclaredFields declared;
    private final LeadershipJudgements judgements;

    DemoProgress(TaskService tasks, IdentityService identity, TaskForms forms, DeclaredFields declared,
            LeadershipJudgements judgements) {
        this.tasks = tasks;
        this.identity = identity;
        this.forms = forms;
        this.declared = declared;
        this.judgements = judgements;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void advance() {
        complete("MXUS-2401-OTAY-II", "Task_ConfirmScopeAndOwners", "gsaCoordinator", Map.of(
                "scope", "Otay Mesa East / Otay II port of entry with its toll road",
                "mexicanOwner", "SEDENA with SICT and the State of Baja California",
                "usOwner", "GSA (owner), CBP (operator); SANDAG and Caltrans build", "evidenceLink", SANDAG));
        for (String milestone : List.of("Permits", "Funding", "Construction", "Equipment", "Inspection")) {
            complete("MXUS-2401-OTAY-II", "Task_Mexican" + milestone, "sedenaCoordinator",
                    Map.of("evidenceNote", "Mexican facilities reported essentially complete in 2025"));
        }
        complete("MXUS-2401-MEET-GUATEMALA", "Task_PlanAction", "sreCoordinator",
                Map.of("plan", "Trilateral ministerial in Washington", "plannedCompletion", "2024-02-28"));
        complete("MXUS-2401-MEET-GUATEMALA", "Task_ImplementAction", "sreCoordinator",
                Map.of("implementationSummary", "First US-Mexico-Guatemala ministerial held on 2024-02-28"));
        complete("MXUS-2401-MEET-GUATEMALA", "Task_ReportCompletion", "sreCoordinator",
                Map.of("completionSummary", "Joint statement of 2024-02-28", "evidenceLink", LA_DECLARATION));
        complete("MXUS-2401-MEET-GUATEMALA", "Task_VerifyCompletion", "deskOfficer",
                Map.of("verified", "yes", "verificationNote", "Joint statement published"));
        assess();
    }

    private void assess() {
        String guatemala = "The first US-Mexico-Guatemala ministerial took place in Washington on 2024-02-28"
                + " (joint statement, losangelesdeclaration.com).";
        assess("MXUS-2401-MEET-GUATEMALA", "2024-Q1", "MX", 1, guatemala);
        assess("MXUS-2401-MEET-GUATEMALA", "2024-Q1", "US", 1, guatemala);
        String february = "The further round took place in Mexico City on 2024-02-06/07 and agreed"
                + " \"timelines for implementation\".";
        assess("MXUS-2401-NEXT-MEETING", "2024-Q1", "MX", 1, february);
        assess("MXUS-2401-NEXT-MEETING", "2024-Q1", "US", 1, february);
        String fentanyl = "The Trilateral Fentanyl Committee met on 2024-02-07 at the National Palace.";
        assess("MXUS-2401-FENTANYL-SIDELINES", "2024-Q1", "MX", 1, fentanyl);
        assess("MXUS-2401-FENTANYL-SIDELINES", "2024-Q1", "US", 1, fentanyl);
        String darien = "No public evidence that the joint visit to the Darién took place by its target date,"
                + " 2024-06-30.";
        assess("MXUS-2401-DARIEN-VISIT", "2024-H1", "MX", -1, darien);
        assess("MXUS-2401-DARIEN-VISIT", "2024-H1", "US", -1, darien);
        assess("MXUS-2401-OTAY-II", "2025-Q4", "MX", 1, "Mexican side, built by SEDENA with SICT and Baja"
                + " California, reported essentially complete in 2025.");
        assess("MXUS-2401-OTAY-II", "2025-Q4", "US", 0, "US building construction began on 2025-11-10; opening"
                + " is targeted for late 2027 or 2028.");
    }

    private void assess(String commitment, String period, String party, int score, String rationale) {
        boolean done = judgements.assessmentsOf(commitment).stream()
                .anyMatch(assessment -> assessment.period().equals(period) && assessment.party().equals(party));
        if (!done) {
            judgements.assess(commitment, new LeadershipJudgements.Assessment(period, party, score, rationale, ASSESSOR));
        }
    }

    private void complete(String commitment, String taskKey, String user, Map<String, Object> values) {
        var task = tasks.createTaskQuery().processInstanceBusinessKey(commitment).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            return;
        }
        var variables = new HashMap<String, Object>();
        forms.of(task.getProcessDefinitionId(), taskKey).map(TaskForm::fields).orElse(List.of()).stream()
                .filter(TaskForm.Field::required).forEach(field -> variables.put(field.key(), sample(field)));
        variables.putAll(values);
        // the demo completes through the Java API, held to what any completion may set
        declared.undeclared(task.getId(), variables.keySet()).ifPresent(name -> {
            throw new IllegalStateException("Demo: " + taskKey + " of " + commitment + " has no field " + name);
        });
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        log.info("Demo: {} completed {} of {}", user, taskKey, commitment);
    }

    private static Object sample(TaskForm.Field field) {
        if (!field.values().isEmpty()) {
            return field.values().get(0);
        }
        return switch (field.type()) {
            case "datetime" -> "2025-06-30";
            case "number" -> 100L;
            case "checkbox" -> Boolean.FALSE;
            default -> field.pattern() != null && field.pattern().contains("http") ? SANDAG : "Recorded for the demo";
        };
    }
}
