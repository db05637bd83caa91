package org.compromiso.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * The days a report speaks of are days of the service's zone ({@code compromiso.time.zone}): a deadline on a day
 * is overdue after that day ends there, whatever the zone of this JVM or of PostgreSQL.
 */
@Component
class ReportDays {

    /** Longer than any transaction runs: facts of a day are written by its end plus this. */
    static final Duration SETTLING = Duration.ofHours(1);

    private final Clock clock;

    ReportDays(Clock clock) {
        this.clock = clock;
    }

    /** The last moment of the day, to the microsecond PostgreSQL keeps. */
    Timestamp endOf(LocalDate day) {
        return Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusNanos(1000));
    }

    LocalDate dayOf(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDate();
    }

    LocalDate dayOf(Timestamp timestamp) {
        return timestamp == null ? null : dayOf(timestamp.toInstant());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Instant now() {
        return clock.instant();
    }

    /** Whether nothing recorded later can change that day any more. */
    boolean settled(LocalDate day, Instant now) {
        return endOf(day).toInstant().plus(SETTLING).isBefore(now);
    }
}
