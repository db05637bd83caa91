package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.compromiso.workflow.ProcessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The digest's process: one timer for the whole cluster, the mail as a job of its own that SMTP failures retry. */
@ProcessTest
class LeadershipDigestProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    GreenMail mailServer;
    @Autowired
    StatusReports reports;
    @Autowired
    ObjectMapper json;

    ManagementService management;

    @BeforeEach
    void setUp() throws Exception {
        management = engine.getManagementService();
        mailServer.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClockAndMail() {
        ClockUtil.reset();
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
    }

    @Test
    void theDigestFiresOnceFromItsTimerWithThePdfAttachedAndTheCountsInItsBody() throws Exception {
        long digestsBefore = finishedDigests();
        Job timer = onlyTimer();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getDayOfWeek()).as("digest-cron: Mondays at 07:00").isEqualTo(DayOfWeek.MONDAY);
        assertThat(due.toLocalTime()).hasToString("07:00");

        Instant firedAt = timer.getDuedate().toInstant().plus(1, ChronoUnit.MINUTES);
        ClockUtil.setCurrentTime(Date.from(firedAt));
        management.executeJob(timer.getId());
        assertThat(mailServer.getReceivedMessages()).as("the mail waits for a job of its own").isEmpty();

        management.executeJob(sendJob().getId());

        var received = mailServer.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("leadershipreader@compromiso.example");
        var report = json.valueToTree(reports.draw(firedAt, ReportFilter.ALL, null, "en"));
        assertThat(DigestMail.body(received[0])).contains(DigestMail.summary(report.get("counts")));
        assertThat(DigestMail.pdfText(received[0])).contains("MXUS-2401-DARIEN-VISIT", "MXUS-2401-OTAY-II");

        assertThat(finishedDigests()).as("one digest for the one timer").isEqualTo(digestsBefore + 1);
        assertThat(onlyTimer().getDuedate().toInstant()).as("next Monday")
                .isEqualTo(timer.getDuedate().toInstant().plus(7, ChronoUnit.DAYS));
    }

    @Test
    void aDigestThatSmtpRefusesIsRetriedNotLost() throws Exception {
        Job timer = onlyTimer();
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(1, ChronoUnit.MINUTES)));
        management.executeJob(timer.getId());
        Job send = sendJob();

        mailServer.stop();
        assertThatThrownBy(() -> management.executeJob(send.getId())).hasStackTraceContaining("Mail server connection failed");
        Job failed = sendJob();
        assertThat(failed.getRetries()).as("R6/PT4H: five tries left").isEqualTo(5);
        assertThat(failed.getExceptionMessage()).isNotBlank();

        mailServer.start();
        management.executeJob(failed.getId());
        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(management.createJobQuery().processDefinitionKey("LeadershipDigest").messages().count()).isZero();
    }

    private long finishedDigests() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("LeadershipDigest")
                .finished().count();
    }

    private Job onlyTimer() {
        var timers = management.createJobQuery().processDefinitionKey("LeadershipDigest").timers().list();
        assertThat(timers).as("one timer, whatever the number of nodes").hasSize(1);
        return timers.get(0);
    }

    private Job sendJob() {
        return management.createJobQuery().processDefinitionKey("LeadershipDigest").messages().singleResult();
    }
}
