package org.compromiso.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.compromiso.workflow.TaskForm;
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
 */
@Component
@ConditionalOnProperty(name = "compromiso.demo.enabled", havingValue = "true")
class DemoProgress {

    private static final Logger log = LoggerFactory.getLogger(DemoProgress.class);
    private static final String SANDAG = "https://www.sandag.org/news";
    private static final String LA_DECLARATION = "https://www.losangelesdeclaration.com";

    private final TaskService tasks;
    private final IdentityService identity;
    private final TaskForms forms;

    DemoProgress(TaskService tasks, IdentityService identity, TaskForms forms) {
        this.tasks = tasks;
        this.identity = identity;
        this.forms = forms;
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
