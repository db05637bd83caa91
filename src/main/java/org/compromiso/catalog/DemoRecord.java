package org.compromiso.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.compromiso.commitments.Actor;
import org.compromiso.commitments.LeadershipJudgements;
import org.compromiso.reminders.ReplayedReminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * What the agencies did, on the day they did it, from the seeds and the follow-up facts of
 * {@code ../shared/seeds/README.md}; every completion cites its fact and source (a seed file or an address).
 * Where no fact is known the process stays where it is, honestly open. The README's "Demo: the record replayed"
 * lists the same as a table.
 */
@Component
@ConditionalOnProperty(name = "compromiso.demo.enabled", havingValue = "true")
class DemoRecord {

    static final String DECEMBER_NEXT_MEETING = "MXUS-2312-NEXT-MEETING";
    static final String JANUARY_NEXT_MEETING = "MXUS-2401-NEXT-MEETING";
    static final String DARIEN = "MXUS-2401-DARIEN-VISIT";
    static final String GUATEMALA = "MXUS-2401-MEET-GUATEMALA";
    static final String FENTANYL = "MXUS-2401-FENTANYL-SIDELINES";
    static final String OTAY = "MXUS-2401-OTAY-II";

    private static final Logger log = LoggerFactory.getLogger(DemoRecord.class);
    private static final String SRE = "https://www.gob.mx/sre/prensa";
    private static final String STATE = "https://www.state.gov/";
    private static final String LA_DECLARATION = "https://www.losangelesdeclaration.com";
    private static final String SANDAG = "https://www.sandag.org/news";
    private static final String ZETA = "https://zetatijuana.com";
    private static final String ASSESSOR = "leadershipReader";
    private static final String JANUARY_CODES = "MXUS-2401-DEV-PROGRAM, MXUS-2401-DARIEN-VISIT,"
            + " MXUS-2401-MEET-GUATEMALA, MXUS-2401-ARMS-PEOPLE-TRAFFICKING, MXUS-2401-OTAY-II,"
            + " MXUS-2401-NEXT-MEETING, MXUS-2401-FENTANYL-SIDELINES, MXUS-2401-LEGAL-EMPLOYMENT,"
            + " MXUS-2401-GUATEMALA-SUPPORT";

    private final CatalogImport catalog;
    private final ResourceLoader resources;
    private final DemoCoordinators coordinators;
    private final LeadershipJudgements judgements;
    private final ReplayedReminders reminders;
    private final DemoClock time;
    private final Clock clock;
    private String darienTask;

    DemoRecord(CatalogImport catalog, ResourceLoader resources, DemoCoordinators coordinators,
               LeadershipJudgements judgements, ReplayedReminders reminders, DemoClock time, Clock clock) {
        this.catalog = catalog;
        this.resources = resources;
        this.coordinators = coordinators;
        this.judgements = judgements;
        this.reminders = reminders;
        this.time = time;
        this.clock = clock;
    }

    void replay() {
        on("2023-12-27", "17:00");
        register("mx-us-2023-12-27.yaml");
        washingtonMeeting();
        februaryRound();
        on("2024-02-28", "18:00");
        guatemalaMinisterial();
        on("2024-07-01", "09:00");
        String darien = "No public evidence that the joint visit to the Darién took place by its target date,"
                + " 2024-06-30 (seeds README).";
        assess(DARIEN, "2024-H1", "MX", -1, darien);
        assess(DARIEN, "2024-H1", "US", -1, darien);
        otayWorks();
    }

    /** 2024-01-19: the December next-meeting process prepares and records the Washington meeting. */
    private void washingtonMeeting() {
        String fact = "The Washington meeting took place on 2024-01-19 (a Friday) at the State Department"
                + " (seeds README; 001_ae9539afecd76ba5.txt, 002_b046577a7b928990.txt). When each preparatory step"
                + " was done is not public: recorded on the day of the meeting.";
        on("2024-01-19", "09:00");
        prepare(DECEMBER_NEXT_MEETING, "2024-01-19", "2024-01-19", "State Department, Washington, D.C.",
                "Alicia Bárcena (Foreign Minister), Luis Crescencio Sandoval González (Defense), Rafael Ojeda Durán"
                        + " (Navy), Rosa Icela Rodríguez Velázquez (Public Security), Esteban Moctezuma Barragán"
                        + " (Ambassador), Félix Arturo Medina, Roberto Velasco, Francisco Garduño Yáez (INM)"
                        + " (002_b046577a7b928990.txt)",
                "Antony Blinken (Secretary of State), Alejandro Mayorkas (Homeland Security), Liz Sherwood-Randall"
                        + " (White House), Lisa Monaco (Deputy Attorney General), Isobel Coleman (USAID)"
                        + " (002_b046577a7b928990.txt)",
                "Follow-up of the commitments of 27 December 2023: root causes, legal pathways, trafficking and"
                        + " smuggling networks, border crossings and trade", STATE, fact);
        on("2024-01-19", "12:00");
        coordinators.runJob(DECEMBER_NEXT_MEETING, "Timer_MeetingDate");
        on("2024-01-19", "17:00");
        // the desk's record of the meeting names the commitment that prepared it (outcomesOf): its commitments wait
        // for SRE's Record outcomes, whose process registers them
        register("mx-us-2024-01-19.yaml");
        on("2024-01-19", "18:00");
        coordinators.complete(DECEMBER_NEXT_MEETING, "Task_RecordOutcomes", "sreCoordinator", Map.of(
                "meetingHeldOn", "2024-01-19", "meetingPlace", "State Department, Washington, D.C.",
                "outcome1Title", "Increase the return of those who have no legal basis to remain",
                "outcome1LeadMX", "segobinm", "outcome1LeadUS", "dhs",
                "outcome1Quote", "\u201cWe will destroy our networks and increase the return of those who have no"
                        + " legal basis to remain in our countries.\u201d (State Department spokesman,"
                        + " 002_b046577a7b928990.txt)",
                "evidenceLink", STATE,
                "evidenceNote", "The meeting's other agreed actions were imported by the desk from its record"
                        + " (catalog mx-us-2024-01-19.yaml, sources 001_ae9539afecd76ba5.txt and"
                        + " 002_b046577a7b928990.txt) the same day and are registered with this outcome: "
                        + JANUARY_CODES + "."));
        coordinators.runJob(DECEMBER_NEXT_MEETING, "Task_RegisterOutcomes");
        darienTask = coordinators.openTask(DARIEN, "Task_ProposeVisitDates");
    }

    /** 2024-02-06/07: the further round in Mexico City; the Trilateral Fentanyl Committee on 2024-02-07. */
    private void februaryRound() {
        String fact = "A further round took place in Mexico City on 2024-02-06/07 and agreed \"timelines for"
                + " implementation\" (seeds README; gob.mx/sre press releases). When each preparatory step was"
                + " done is not public: recorded on the first day of the round.";
        on("2024-02-06", "09:00");
        prepare(JANUARY_NEXT_MEETING, "2024-02-06", "2024-02-07", "Mexico City",
                "Not named in the seeds (SRE-led delegation)", "Not named in the seeds (State-led delegation)",
                "Timelines for implementation of the commitments of December 2023 and January 2024", SRE, fact);
        on("2024-02-06", "12:00");
        coordinators.runJob(JANUARY_NEXT_MEETING, "Timer_MeetingDate");
        on("2024-02-07", "12:00");
        String fentanyl = "The Trilateral Fentanyl Committee met on 2024-02-07 at the National Palace, Mexico City"
                + " (seeds README; gob.mx/sre press releases)";
        completeAgreedAction(FENTANYL, "Senior-level talks on migration at the Trilateral Fentanyl Committee",
                "2024-02-07", fentanyl, SRE);
        assess(FENTANYL, "2024-Q1", "MX", 1, fentanyl + ".");
        assess(FENTANYL, "2024-Q1", "US", 1, fentanyl + ".");
        on("2024-02-07", "18:00");
        coordinators.complete(JANUARY_NEXT_MEETING, "Task_RecordOutcomes", "sreCoordinator", Map.of(
                "meetingHeldOn", "2024-02-06", "meetingPlace", "Mexico City",
                "outcome1Title", "Implement the commitments on the timelines agreed in Mexico City",
                "outcome1Quote", "The round agreed \"timelines for implementation\" (seeds README; gob.mx/sre).",
                "evidenceLink", SRE, "evidenceNote", fact));
        coordinators.runJob(JANUARY_NEXT_MEETING, "Task_RegisterOutcomes");
        String february = "The further round took place in Mexico City on 2024-02-06/07 and agreed"
                + " \"timelines for implementation\".";
        assess(JANUARY_NEXT_MEETING, "2024-Q1", "MX", 1, february);
        assess(JANUARY_NEXT_MEETING, "2024-Q1", "US", 1, february);
    }

    /** 2024-02-28: the first US–Mexico–Guatemala ministerial, Washington. */
    private void guatemalaMinisterial() {
        String fact = "The first US-Mexico-Guatemala ministerial took place in Washington on 2024-02-28 (joint"
                + " statement, losangelesdeclaration.com)";
        completeAgreedAction(GUATEMALA, "Trilateral ministerial in Washington", "2024-02-28", fact, LA_DECLARATION);
        assess(GUATEMALA, "2024-Q1", "MX", 1, fact + ".");
        assess(GUATEMALA, "2024-Q1", "US", 1, fact + ".");
    }

    /** Otay II: owners named by SANDAG (2025-01-10); US construction began 2025-11-10. */
    private void otayWorks() {
        on("2025-01-10", "12:00");
        coordinators.complete(OTAY, "Task_ConfirmScopeAndOwners", "gsaCoordinator", Map.of(
                "scope", "Otay Mesa East / Otay II port of entry with its toll road",
                "mexicanOwner", "SEDENA with SICT and the State of Baja California",
                "usOwner", "GSA (owner), CBP (operator); SANDAG and Caltrans build",
                "evidenceLink", SANDAG,
                "evidenceNote", "SANDAG news release of 2025-01-10 (seeds README). Confirmed when the release"
                        + " named builders, owner and operator; no earlier public record."));
        on("2025-11-10", "12:00");
        coordinators.runJob(OTAY, "Timer_MexicanProgressUpdate");
        coordinators.complete(OTAY, "Task_MexicanProgressUpdate", "sedenaCoordinator", Map.of(
                "mxProgressSummary", "Mexican side, built by SEDENA with SICT and Baja California, reported"
                        + " essentially complete in 2025 (zetatijuana.com, 2025-11; seeds README).",
                "mxNextMilestone", "Inspection and readiness report",
                "evidenceLink", ZETA,
                "evidenceNote", "No percentage is published, so none is recorded."));
        coordinators.runJob(OTAY, "Timer_UsProgressUpdate");
        coordinators.complete(OTAY, "Task_UsProgressUpdate", "gsaCoordinator", Map.of(
                "usProgressSummary", "US building construction began on 2025-11-10; opening targeted for late 2027"
                        + " or 2028 (zetatijuana.com, 2025-11; seeds README).",
                "usNextMilestone", "Complete US construction",
                "evidenceLink", ZETA,
                "evidenceNote", "No percentage is published, so none is recorded."));
        assess(OTAY, "2025-Q4", "MX", 1, "Mexican side, built by SEDENA with SICT and Baja California, reported"
                + " essentially complete in 2025.");
        assess(OTAY, "2025-Q4", "US", 0, "US building construction began on 2025-11-10; opening is targeted for"
                + " late 2027 or 2028.");
    }

    /** The next-meeting process's preparation, each step by the agency it waits on. */
    private void prepare(String commitment, String from, String to, String venue, String mexicans,
                         String americans, String agenda, String link, String fact) {
        coordinators.complete(commitment, "Task_ProposeMeetingDates", "sreCoordinator", Map.of(
                "proposedFrom", from, "proposedTo", to, "evidenceLink", link, "evidenceNote", fact));
        coordinators.complete(commitment, "Task_ConfirmDateAndVenue", "stateCoordinator", Map.of(
                "meetingDate", from, "venue", venue, "evidenceLink", link, "evidenceNote", fact));
        coordinators.complete(commitment, "Task_ConfirmDelegations", "sreCoordinator", Map.of(
                "mexicanDelegation", mexicans, "usDelegation", americans, "evidenceLink", link,
                "evidenceNote", fact));
        coordinators.complete(commitment, "Task_AgreeAgenda", "sreCoordinator", Map.of(
                "agenda", agenda, "evidenceLink", link, "evidenceNote", fact));
        coordinators.complete(commitment, "Task_PrepareBriefingBook", "sreCoordinator", Map.of(
                "briefingBookLink", link, "evidenceNote", fact));
    }

    /** An agreed action planned, carried out, reported and verified on the day of the fact that fulfilled it. */
    private void completeAgreedAction(String commitment, String plan, String day, String fact, String link) {
        String note = fact + ". When it was planned is not public: recorded on that day.";
        coordinators.complete(commitment, "Task_PlanAction", "sreCoordinator", Map.of(
                "plan", plan, "plannedCompletion", day, "evidenceLink", link, "evidenceNote", note));
        coordinators.complete(commitment, "Task_ImplementAction", "sreCoordinator", Map.of(
                "implementationSummary", fact + ".", "evidenceLink", link));
        coordinators.complete(commitment, "Task_ReportCompletion", "sreCoordinator", Map.of(
                "completionSummary", fact + ".", "evidenceLink", link));
        coordinators.complete(commitment, "Task_VerifyCompletion", "deskOfficer", Map.of(
                "verified", "yes", "verificationNote", "Checked against the public record: " + fact + ".",
                "evidenceLink", link));
    }

    private void register(String file) {
        try {
            var result = catalog.registerMissing(resources.getResource("classpath:catalog/" + file)
                    .getContentAsString(StandardCharsets.UTF_8), new Actor("demo-catalog", "catalog"));
            log.info("Demo: {} registered and {} recorded as outcomes of {} from {} on {}",
                    result.registered().size(), result.recordedAsOutcomes().size(), result.outcomesOf(), file,
                    clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assess(String commitment, String period, String party, int score, String rationale) {
        judgements.assess(commitment, new LeadershipJudgements.Assessment(period, party, score, rationale, ASSESSOR));
    }

    /**
     * Moves the clock to that day and time (in the service's zone); the Darién's first step, which waits with no
     * fact to move it, gets its reminders and escalations on their own days on the way.
     */
    private void on(String day, String at) {
        Instant until = LocalDate.parse(day).atTime(LocalTime.parse(at)).atZone(clock.getZone()).toInstant();
        if (darienTask != null) {
            for (Instant due = reminders.next(darienTask, until); due != null; due = reminders.next(darienTask, until)) {
                time.moveTo(due);
                reminders.fireNext(darienTask, until);
            }
        }
        time.moveTo(until);
    }
}
