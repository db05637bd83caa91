package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRulesTest {

    static final LocalDate TODAY = LocalDate.of(2024, 3, 10);
    final StatusRules rules = new StatusRules(7, 14);

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            closed as not implemented,           not_implemented, false, -,          false, -,          0, false, 2024-03-10, NOT_IMPLEMENTED
            cancelled,                           cancelled,       false, -,          false, -,          0, false, 2024-03-10, CANCELLED
            process ended,                       open,            true,  2024-01-01, false, -,          3, false, 2024-01-01, DONE
            task due yesterday,                  open,            false, 2024-12-31, false, 2024-03-09, 1, false, 2024-03-09, OVERDUE
            task due today and not started,      open,            false, 2024-12-31, false, 2024-03-10, 0, false, 2024-03-01, AT_RISK
            task due today and started,          open,            false, 2024-12-31, false, 2024-03-10, 1, false, 2024-03-09, ON_TRACK
            task due tomorrow and not started,   open,            false, 2024-12-31, false, 2024-03-11, 0, false, 2024-03-09, AT_RISK
            due in 7 days and not started,       open,            false, 2024-12-31, false, 2024-03-17, 0, false, 2024-03-09, AT_RISK
            due in 8 days and not started,       open,            false, 2024-12-31, false, 2024-03-18, 0, false, 2024-03-09, ON_TRACK
            target date passed,                  open,            false, 2024-03-09, false, 2024-04-01, 2, false, 2024-03-09, OVERDUE
            continuing past its target,          open,            false, 2024-03-09, true,  2024-04-01, 2, false, 2024-03-09, ON_TRACK
            blocker flagged,                     open,            false, 2024-12-31, false, 2024-04-01, 2, true,  2024-03-09, AT_RISK
            stale at day 14,                     open,            false, 2024-12-31, false, 2024-04-01, 2, false, 2024-02-25, AT_RISK
            not stale at day 13,                 open,            false, 2024-12-31, false, 2024-04-01, 2, false, 2024-02-26, ON_TRACK
            overdue beats blocked,               open,            false, 2024-12-31, false, 2024-03-01, 2, true,  2024-03-09, OVERDUE
            """)
    void statusFollowsTheRules(String situation, String lifecycle, boolean processCompleted, LocalDate target,
                               boolean continuing, LocalDate nextDeadline, int stepsDone, boolean blocked,
                               LocalDate lastActivity, Status expected) {
        var facts = new StatusRules.Facts(lifecycle, processCompleted, target, continuing, nextDeadline, stepsDone,
                blocked, lastActivity);
        assertThat(rules.apply(facts, TODAY)).as(situation).isEqualTo(expected);
    }
}
