package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The days a trend is drawn for: the last weeks, or since a first meeting, never more bars than one can read. */
class TrendDaysTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 5);

    private final StatusReports reports = new StatusReports(null, null,
            new ReportProperties(7, 14, 14, 8, "-", "-", "", 100, 100), null);

    @Test
    void withoutAStartTheTrendIsTheLastEightWeeks() {
        assertThat(reports.trendDays(AS_OF, null)).hasSize(8).startsWith(AS_OF.minusWeeks(7)).endsWith(AS_OF);
    }

    @Test
    void withinHalfAYearTheBarsAreAWeekApartFromTheStart() {
        var days = reports.trendDays(AS_OF, LocalDate.of(2026, 10, 1));
        assertThat(days).startsWith(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3)).endsWith(AS_OF.minusWeeks(1), AS_OF);
    }

    @Test
    void sinceTheFirstMeetingTheBarsAreAMonthApart() {
        var days = reports.trendDays(AS_OF, LocalDate.of(2023, 12, 27));
        assertThat(days).startsWith(LocalDate.of(2023, 12, 27), LocalDate.of(2024, 1, 5)).endsWith(AS_OF);
        assertThat(days).hasSize(37);
    }

    @Test
    void aStartDecadesBackStaysWithinSixtyBars() {
        var days = reports.trendDays(AS_OF, LocalDate.of(1900, 1, 1));
        assertThat(days).hasSizeLessThanOrEqualTo(61).startsWith(LocalDate.of(1900, 1, 1)).endsWith(AS_OF);
    }

    @Test
    void aStartOnOrAfterTheReportsDayIsOneBar() {
        assertThat(reports.trendDays(AS_OF, AS_OF.plusDays(3))).containsExactly(AS_OF);
    }
}
