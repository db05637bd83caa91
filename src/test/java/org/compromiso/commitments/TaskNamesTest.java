package org.compromiso.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a task's name reads on a Tasklist card: the commitment's code and short title, then the step. */
class TaskNamesTest {

    @Test
    void aNameGivesTheCommitmentsCodeAndTitleBeforeTheStep() {
        assertThat(TaskNames.name("MXUS-2401-DARIEN-VISIT", "Realizar una visita conjunta al Darién con Panamá",
                "Proponer fechas de la visita")).isEqualTo(
                "MXUS-2401-DARIEN-VISIT · Realizar una visita conjunta al Darién con Panamá — Proponer fechas de la visita");
    }

    @Test
    void aLongTitleIsCutAfterItsLastWholeWordThatFits() {
        String title = "Invest US$180 million in a development program for Guatemala, Honduras, El Salvador, Colombia";
        String shortened = TaskNames.shortened(title);
        assertThat(shortened).isEqualTo("Invest US$180 million in a development program for…");
        assertThat(shortened.length()).isLessThanOrEqualTo(TaskNames.SHORT_TITLE);
        assertThat(TaskNames.shortened("Address the root causes of migration"))
                .isEqualTo("Address the root causes of migration");
    }

    @Test
    void aNameNeverExceedsWhatTheEngineStores() {
        String code = "C".repeat(64);
        assertThat(TaskNames.name(code, "T".repeat(200), "S".repeat(200))).hasSize(255).endsWith("…");
    }
}
