package org.compromiso.reports;

import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night takes the day before's snapshot, so that no reader waits for it, and forgets those older than a
 * trend reaches back. Every node runs it; the snapshot's lock lets one take it and the others find it taken.
 */
@Component
class StatusSnapshotSchedule {

    private final StatusSnapshots snapshots;
    private final ReportProperties properties;
    private final ReportDays days;

    StatusSnapshotSchedule(StatusSnapshots snapshots, ReportProperties properties, ReportDays days) {
        this.days = days;
        this.snapshots = snapshots;
        this.properties = properties;
    }

    @Scheduled(cron = "${compromiso.reports.snapshot-cron}", zone = "${compromiso.time.zone}")
    void takeYesterdays() {
        LocalDate today = days.today();
        LocalDate yesterday = today.minusDays(1);
        if (days.settled(yesterday, days.now())) {
            snapshots.take(yesterday, properties.rules());
        }
        snapshots.forgetBefore(today.minusWeeks(properties.trendWeeks() + 1L));
    }
}
