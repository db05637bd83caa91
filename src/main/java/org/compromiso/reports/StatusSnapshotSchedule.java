package org.compromiso.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

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

    StatusSnapshotSchedule(StatusSnapshots snapshots, ReportProperties properties) {
        this.snapshots = snapshots;
        this.properties = properties;
    }

    @Scheduled(cron = "${compromiso.reports.snapshot-cron}", zone = "UTC")
    void takeYesterdays() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);
        if (StatusSnapshots.settled(yesterday, Instant.now())) {
            snapshots.take(yesterday, properties.rules());
        }
        snapshots.forgetBefore(today.minusWeeks(properties.trendWeeks() + 1L));
    }
}
