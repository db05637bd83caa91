package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

/** A report's days are days of the configured zone, never of the JVM's. */
class ReportDaysTest {

    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

    @Test
    void aDayEndsAtMidnightOfTheConfiguredZoneWhateverTheJvmsZone() {
        TimeZone jvm = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            var days = new ReportDays(Clock.system(MEXICO_CITY));

            // 19 January 2024 ends at 06:00 UTC on the 20th in Mexico City (UTC-6)
            assertThat(days.endOf(LocalDate.of(2024, 1, 19)).toInstant())
                    .isEqualTo(Instant.parse("2024-01-20T05:59:59.999999Z"));
            assertThat(days.dayOf(Instant.parse("2024-01-20T05:30:00Z"))).isEqualTo(LocalDate.of(2024, 1, 19));
            assertThat(days.dayOf(Instant.parse("2024-01-20T06:00:00Z"))).isEqualTo(LocalDate.of(2024, 1, 20));
        } finally {
            TimeZone.setDefault(jvm);
        }
    }

    @Test
    void utcDaysStayUtcDaysUnderAnotherJvmZone() {
        TimeZone jvm = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            var days = new ReportDays(Clock.systemUTC());

            assertThat(days.dayOf(Instant.parse("2024-01-19T23:30:00Z"))).isEqualTo(LocalDate.of(2024, 1, 19));
        } finally {
            TimeZone.setDefault(jvm);
        }
    }
}
