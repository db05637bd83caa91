package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.compromiso.CompromisoTest;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A settled day's snapshot says what the report's query says of that day, for every filter, and keeps saying it:
 * the trend may read it instead of the history. The demo's commitments were all recorded today, after every
 * settled day, so a few are entered here as if recorded two months ago. Each test uses days of its own.
 */
@CompromisoTest
class StatusSnapshotsTest {

    private static final StatusRules RULES = new StatusRules(7, 14);
    private static final Map<String, Map<String, String>> RECORDED_EARLIER = Map.of(
            "SNAPSHOT-EARLY-1", Map.of("MX", "sre", "US", "state"),
            "SNAPSHOT-EARLY-2", Map.of("MX", "segobinm", "US", "dhs"),
            "SNAPSHOT-EARLY-3", Map.of("MX", "sre", "US", "cbp"));

    @Autowired
    StatusSnapshots snapshots;
    @Autowired
    StatusQuery query;
    @Autowired
    ReportDays reportDays;
    @Autowired
    CommitmentRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void someCommitmentsWereRecordedTwoMonthsAgo() {
        if (registry.isRegistered("SNAPSHOT-EARLY-1")) {
            return;
        }
        RECORDED_EARLIER.forEach((code, leads) -> {
            registry.register(commitment(code, "MX-US-2024-01-19", leads, LocalDate.of(2030, 12, 31)),
                    new Actor("deskOfficer", "api"));
            jdbc.sql("UPDATE commitment SET created_at = now() - interval '60 days' WHERE code = ?").param(code)
                    .update();
        });
        // rewriting when they were recorded changes the past: snapshots that other tests took are out of date
        jdbc.sql("DELETE FROM status_snapshot_day").update();
    }

    @Test
    void aSnapshotSaysWhatTheQuerySaysOfItsDayForEveryFilter() {
        List<LocalDate> days = List.of(today().minusDays(10), today().minusDays(11), today().minusDays(12));
        assertThat(days).allMatch(day -> reportDays.settled(day, Instant.now()));
        var sre = Set.of("sre");
        for (var filter : List.of(ReportFilter.ALL, new ReportFilter("MX-US-2023-12-27", null, null, null, null, null),
                new ReportFilter("MX-US-2024-01-19", null, null, null, null, null),
                new ReportFilter(null, "state", null, null, null, null), new ReportFilter(null, null, "PA", null, null, null))) {
            for (Set<String> visibleTo : java.util.Arrays.asList(null, sre)) {
                var statuses = snapshots.statuses(days, now(), filter, visibleTo, RULES);
                assertThat(statuses).as("%s, %s", filter, visibleTo).containsOnlyKeys(days);
                days.forEach(day -> assertThat(statuses.get(day)).as("%s, %s, %s", day, filter, visibleTo)
                        .isEqualTo(queried(day, filter, visibleTo)).isNotEmpty());
            }
        }
        LocalDate day = days.get(0);
        assertThat(snapshotCodes(day)).as("what was recorded by the end of the day: the demo's record too")
                .containsExactlyInAnyOrderElementsOf(recordedBy(day)).containsAll(RECORDED_EARLIER.keySet());
    }

    @Test
    void aCommitmentRecordedAfterTheDayCountsFromItsMeetingButIsNotInTheSnapshot() {
        LocalDate day = today().minusDays(20);
        snapshots.take(day, RULES);
        // the service's clock (the engine's) counts whole milliseconds, this one microseconds: an entry made within
        // the same millisecond would be stamped before this moment, so the moment is taken a millisecond earlier
        Timestamp beforeItWasEntered = Timestamp.from(Instant.now().minusMillis(1));
        registry.register(commitment("SNAPSHOT-LATE-ENTRY", "MX-US-2024-01-19", Map.of("MX", "sre", "US", "state"),
                day.minusDays(1)), new Actor("deskOfficer", "api"));
        registry.changeTargetDate("SNAPSHOT-LATE-ENTRY", LocalDate.of(2030, 6, 30), "Moved after it was entered",
                new Actor("deskOfficer", "api"));

        Map<String, Status> statuses = statuses(day, now());

        assertThat(statuses).as("agreed before the day with a target that passed by then").containsEntry(
                "SNAPSHOT-LATE-ENTRY", Status.OVERDUE).isEqualTo(queried(day, ReportFilter.ALL, null));
        assertThat(snapshotCodes(day)).doesNotContain("SNAPSHOT-LATE-ENTRY").contains("SNAPSHOT-EARLY-1");
        assertThat(statuses(day, beforeItWasEntered))
                .as("a report of a moment before it was entered").doesNotContainKey("SNAPSHOT-LATE-ENTRY")
                .containsKey("SNAPSHOT-EARLY-1");
    }

    @Test
    void nodesTakingTheSameDayAtOnceTakeItOnce() throws Exception {
        LocalDate day = today().minusDays(30);
        Callable<Void> take = () -> {
            snapshots.take(day, RULES);
            return null;
        };
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (var running : pool.invokeAll(List.of(take, take, take, take))) {
                running.get();
            }
        } finally {
            pool.shutdown();
        }
        int recorded = recordedBy(day).size();
        assertThat(snapshotCodes(day)).hasSize(recorded);
        assertThat(jdbc.sql("SELECT commitments FROM status_snapshot_day WHERE day = ?").param(day)
                .query(Integer.class).single()).isEqualTo(recorded);
    }

    @Test
    void forgottenDaysAreTakenAgainWhenAReportNeedsThem() {
        LocalDate day = today().minusDays(40);
        snapshots.take(day, RULES);
        assertThat(snapshotCodes(day)).isNotEmpty();
        assertThat(snapshots.forgetBefore(day.plusDays(1))).isPositive();
        assertThat(snapshotCodes(day)).isEmpty();

        assertThat(statuses(day, now()))
                .isEqualTo(queried(day, ReportFilter.ALL, null));
    }

    @Test
    void aDayIsSettledAnHourAfterItEnded() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        Instant end = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertThat(reportDays.settled(day, end.plusSeconds(3599))).isFalse();
        assertThat(reportDays.settled(day, end.plusSeconds(3601))).isTrue();
    }

    private Map<String, Status> statuses(LocalDate day, Timestamp recordedBy) {
        return snapshots.statuses(List.of(day), recordedBy, ReportFilter.ALL, null, RULES).get(day);
    }

    /** The commitments recorded by the end of the day: these tests' early ones and the demo's replayed record. */
    private List<String> recordedBy(LocalDate day) {
        return jdbc.sql("SELECT code FROM commitment WHERE created_at < ?")
                .param(Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())).query(String.class)
                .list();
    }

    private List<String> snapshotCodes(LocalDate day) {
        return jdbc.sql("""
                        SELECT c.code FROM status_snapshot s JOIN commitment c ON c.id = s.commitment_id
                        WHERE s.day = ?""").param(day).query(String.class).list();
    }

    private static NewCommitment commitment(String code, String meeting, Map<String, String> leads, LocalDate target) {
        return new NewCommitment(code, meeting, "Snapshot test " + code, null, "agreed-action", leads, List.of(),
                target, null, false, "normal", new NewCommitment.Provenance("snapshots.txt", "An agreed sentence.",
                "en"));
    }

    private Map<String, Status> queried(LocalDate day, ReportFilter filter, Set<String> visibleTo) {
        Timestamp endOfDay = reportDays.endOf(day);
        return query.statuses(endOfDay, day, now(), filter, visibleTo, RULES).stream()
                .collect(Collectors.toMap(CommitmentStatus::code, CommitmentStatus::status));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
