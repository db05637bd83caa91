package org.compromiso.bench;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.compromiso.resilience.TrialTasks;

/**
 * Scenario 3b: on the real clock, trial tasks (State's; rule {@code due} only) fall due at a steady 20 a second.
 * Lateness of each reminder after its due time: when the outbox row was written (the timer fired) and when the
 * mail was sent.
 */
final class Punctuality {

    static final int PER_SECOND = 20;

    record Lateness(Latencies written, Latencies sent, List<String> problems) {
    }

    private final ServiceUnderTest service;

    Punctuality(ServiceUnderTest service) {
        this.service = service;
    }

    Lateness run(Duration duration) throws Exception {
        int count = (int) (PER_SECOND * duration.toSeconds());
        var trial = new TrialTasks(service.engine());
        // every task exists before the first falls due: a reminder due before its task was created is never sent
        Instant first = Instant.now().plus(Duration.ofSeconds(Math.max(10, count / 40))).truncatedTo(ChronoUnit.MILLIS);
        Setup.inParallel(count, i -> trial.start(1, "state", first.plusMillis(1000L * i / PER_SECOND)));
        if (!Instant.now().isBefore(first)) {
            return new Lateness(new Latencies(), new Latencies(),
                    List.of("punctuality: creating " + count + " tasks took longer than the lead time"));
        }
        Instant last = first.plusMillis(1000L * (count - 1) / PER_SECOND);
        await("every punctual reminder sent").atMost(Duration.between(Instant.now(), last).plusMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> service.jdbc().sql("""
                        SELECT count(*) FROM reminder
                        WHERE rule = 'due' AND due_at BETWEEN ? AND ? AND state = 'sent'""")
                .params(Timestamp.from(first), Timestamp.from(last)).query(Long.class).single() == count);
        var written = new Latencies();
        var sent = new Latencies();
        service.jdbc().sql("""
                        SELECT extract(epoch FROM created_at - fire_at) * 1e9, extract(epoch FROM sent_at - fire_at) * 1e9
                        FROM reminder WHERE rule = 'due' AND due_at BETWEEN ? AND ?""")
                .params(Timestamp.from(first), Timestamp.from(last))
                .query(rs -> {
                    written.record(rs.getLong(1));
                    sent.record(rs.getLong(2));
                });
        return new Lateness(written, sent, List.of());
    }
}
