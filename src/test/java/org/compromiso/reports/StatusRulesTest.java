package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRulesTest {

    static final LocalDate TODAY = LocalDate.of(2024, 3, 10);
    final StatusRules rules = new StatusRules(7, 14);

    /** {@code unstarted}: the earliest due date of the open tasks nobody has claimed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            closed as not implemented,                  not_implemented, false, -,          false, -,          -,          false, 2024-03-10, false, NOT_IMPLEMENTED
            cancelled,                                  cancelled,       false, -,          false, -,          -,          false, 2024-03-10, false, CANCELLED
            process ended,                              open,            true,  2024-01-01, false, -,          -,          false, 2024-01-01, false, DONE
            task due yesterday,                         open,            false, 2024-12-31, false, 2024-03-09, -,          false, 2024-03-09, false, OVERDUE
            task due today and not claimed,             open,            false, 2024-12-31, false, 2024-03-10, 2024-03-10, false, 2024-03-01, false, AT_RISK
            task due today and claimed,                 open,            false, 2024-12-31, false, 2024-03-10, -,          false, 2024-03-09, false, ON_TRACK
            task due tomorrow and not claimed,          open,            false, 2024-12-31, false, 2024-03-11, 2024-03-11, false, 2024-03-09, false, AT_RISK
            task due tomorrow and claimed,              open,            false, 2024-12-31, false, 2024-03-11, -,          false, 2024-03-09, false, ON_TRACK
            due in 7 days and not claimed,              open,            false, 2024-12-31, false, 2024-03-17, 2024-03-17, false, 2024-03-09, false, AT_RISK
            due in 8 days and not claimed,              open,            false, 2024-12-31, false, 2024-03-18, 2024-03-18, false, 2024-03-09, false, ON_TRACK
            next task claimed; another near unclaimed,  open,            false, 2024-12-31, false, 2024-03-11, 2024-03-15, false, 2024-03-09, false, AT_RISK
            next task claimed; another far unclaimed,   open,            false, 2024-12-31, false, 2024-03-11, 2024-04-30, false, 2024-03-09, false, ON_TRACK
            target date passed,                         open,            false, 2024-03-09, false, 2024-04-01, 2024-04-01, false, 2024-03-09, false, OVERDUE
            target date today,                          open,            false, 2024-03-10, false, 2024-04-01, 2024-04-01, false, 2024-03-09, false, ON_TRACK
            continuing past its target,                 open,            false, 2024-03-09, true,  2024-04-01, 2024-04-01, false, 2024-03-09, false, ON_TRACK
            blocker flagged,                            open,            false, 2024-12-31, false, 2024-04-01, -,          true,  2024-03-09, false, AT_RISK
            stale at day 14,                            open,            false, 2024-12-31, false, 2024-04-01, -,          false, 2024-02-25, false, AT_RISK
            not stale at day 13,                        open,            false, 2024-12-31, false, 2024-04-01, -,          false, 2024-02-26, false, ON_TRACK
            overdue beats blocked,                      open,            false, 2024-12-31, false, 2024-03-01, -,          true,  2024-03-09, false, OVERDUE
            every lead party scored +1,                 open,            false, 2024-01-31, false, 2024-02-01, -,          false, 2024-01-20, true,  DONE
            continuing and +1 with a step late,         open,            false, 2024-01-31, true,  2024-02-01, -,          false, 2024-03-09, true,  AT_RISK
            continuing and +1 on time,                  open,            false, 2024-01-31, true,  2024-04-01, -,          false, 2024-03-09, true,  ON_TRACK
            scored +1 but closed as not implemented,    not_implemented, false, 2024-01-31, false, -,          -,          false, 2024-01-20, true,  NOT_IMPLEMENTED
            """)
    void statusFollowsTheRules(String situation, String lifecycle, boolean processCompleted, LocalDate target,
                               boolean continuing, LocalDate nextDeadline, LocalDate unstarted, boolean blocked,
                               LocalDate lastActivity, boolean compliedByAll, Status expected) {
        var facts = new StatusRules.Facts(lifecycle, processCompleted, target, continuing, nextDeadline, unstarted,
                blocked, lastActivity, compliedByAll);
        assertThat(rules.apply(facts, TODAY)).as(situation).isEqualTo(expected);
    }
}
