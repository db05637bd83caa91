package org.compromiso.reports;

import org.springframework.stereotype.Component;

/**
 * When the digest goes out, for the timer of {@code bpmn/leadership-digest.bpmn}
 * ({@code ${leadershipDigestSchedule.cron}}; public because the engine's expressions read only public classes).
 * The engine resolves it when it deploys the process, and {@code bpmn/} is deployed only when a file in it changes:
 * a new cron applies from the next deployment that changes {@code bpmn/}.
 */
@Component("leadershipDigestSchedule")
public class LeadershipDigestSchedule {

    private final String cron;

    LeadershipDigestSchedule(ReportProperties properties) {
        this.cron = properties.digestCron();
    }

    /** A Spring cron expression (seconds first), which is also the engine's cron syntax. */
    public String getCron() {
        return cron;
    }
}
