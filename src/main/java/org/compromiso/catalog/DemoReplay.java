package org.compromiso.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.compromiso.meetings.MeetingRepository;
import org.compromiso.reminders.ReplayedReminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Replays the record into an empty demo database: the clock moves through the real dates of the seeds and their
 * follow-up facts ({@code ../shared/seeds/README.md}), and on each the demo does what the agencies did then
 * ({@link DemoRecord}). Then the clock returns to now and the engine runs on.
 * <p>
 * It runs as the context starts, before the web server opens its port, the job executor starts (on
 * ApplicationReadyEvent) or our schedules run, so nobody ever sees the moved clock; the clock is reset whatever
 * happens. A database that holds the December meeting was replayed (or loaded) already and is left alone.
 */
@Component
@ConditionalOnProperty(name = "compromiso.demo.enabled", havingValue = "true")
class DemoReplay implements SmartLifecycle {

    static final String FIRST_MEETING = "MX-US-2023-12-27";
    private static final Logger log = LoggerFactory.getLogger(DemoReplay.class);
    private static final int MAX_JOBS_AT_RETURN = 200;

    private final DemoRecord record;
    private final DemoClock time;
    private final MeetingRepository meetings;
    private final ReplayedReminders reminders;
    private final ManagementService management;
    private final Clock clock;
    private volatile boolean running;

    DemoReplay(DemoRecord record, DemoClock time, MeetingRepository meetings, ReplayedReminders reminders,
               ManagementService management, Clock clock) {
        this.record = record;
        this.time = time;
        this.meetings = meetings;
        this.reminders = reminders;
        this.management = management;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        if (meetings.idOf(FIRST_MEETING).isPresent()) {
            log.info("Demo: the record was replayed before; nothing to replay");
            return;
        }
        long started = System.nanoTime();
        long offset = time.offset();
        try {
            record.replay();
        } finally {
            time.restore(offset);
        }
        Instant now = clock.instant();
        int skipped = reminders.skipBefore(now);
        int jobs = runDueJobs(now);
        log.info("Demo: the record replayed in {} ms; back at {}: {} tasks' reminders of the replayed past skipped,"
                + " {} due jobs run", (System.nanoTime() - started) / 1_000_000, now, skipped, jobs);
    }

    /** The engine runs on from now: what fell due while the record was replayed (a monthly update) happens now. */
    private int runDueJobs(Instant now) {
        int ran = 0;
        for (var job = nextDue(now); job != null && ran < MAX_JOBS_AT_RETURN; job = nextDue(now)) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException e) {
                // the engine counts the failure down as it would for its executor; an incident in Cockpit at zero
                log.warn("Demo: job {} failed when the clock returned", job.getId(), e);
            }
            ran++;
        }
        return ran;
    }

    private org.camunda.bpm.engine.runtime.Job nextDue(Instant now) {
        return management.createJobQuery().executable().duedateLowerThan(Date.from(now)).orderByJobDuedate().asc()
                .listPage(0, 1).stream().findFirst().orElse(null);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's phase (DEFAULT_PHASE - 2048): the port opens once the replay is done. */
    @Override
    public int getPhase() {
        return 0;
    }
}
