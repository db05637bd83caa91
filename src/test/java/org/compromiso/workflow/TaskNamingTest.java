package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A new task names its commitment and step in the language of the agencies it waits on. */
@CompromisoTest
class TaskNamingTest {

    @Autowired
    CommitmentRegistry registry;
    @Autowired
    TaskService tasks;

    @Test
    void aTaskOfAMexicanAgencyIsNamedInSpanish() {
        String code = register(Map.of("MX", "sre"));
        assertThat(planOf(code)).isEqualTo(code + " · Proteger los corredores migratorios — Planear la acción");
    }

    @Test
    void aTaskOfAUsAgencyIsNamedInEnglish() {
        String code = register(Map.of("US", "state"));
        assertThat(planOf(code)).isEqualTo(code + " · Protect the migration corridors — Plan the action");
    }

    @Test
    void aTaskThatWaitsOnAgenciesOfBothLanguagesKeepsTheModelsEnglish() {
        String code = register(Map.of("MX", "sre", "US", "state"));
        assertThat(planOf(code)).isEqualTo(code + " · Protect the migration corridors — Plan the action");
    }

    private String register(Map<String, String> leads) {
        String code = "NAMING-" + System.nanoTime() % 1_000_000;
        registry.register(new NewCommitment(code, "MX-US-2024-01-19", "Protect the migration corridors", null,
                "agreed-action", leads, List.of(), LocalDate.now().plusMonths(6), null, false, "normal",
                new NewCommitment.Provenance("test", "A sentence that established it.", "en"),
                "Proteger los corredores migratorios"), new Actor("deskOfficer", "api"));
        return code;
    }

    private String planOf(String code) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_PlanAction")
                .singleResult().getName();
    }
}
