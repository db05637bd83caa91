package org.compromiso.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Everything a status report shows, the same for its HTML, PDF, CSV and JSON forms. */
public record StatusReport(LocalDate asOf, Instant generatedAt, ReportFilter filter, String language,
                           Map<Status, Long> counts, List<CommitmentStatus> commitments, List<Change> changes,
                           List<CommitmentStatus> overdue, List<CommitmentStatus> stale,
                           List<CommitmentStatus> upcoming, List<CommitmentStatus> blocked,
                           List<String> parties, List<ComplianceLine> compliance, Map<String, Double> partyAverages,
                           List<TrendPoint> trend) {

    /** A commitment whose status differs from the previous report's (a week earlier). */
    public record Change(String code, String title, Status from, Status to) {
    }

    /**
     * The latest compliance score of each party for one commitment (+1, 0, -1; absent: not assessed), with the
     * reporting period it scores.
     */
    public record ComplianceLine(String code, String title, Map<String, Integer> scores, Map<String, String> periods,
                                 Map<String, String> rationales) {
    }

    /** Status counts on one day, for the trend chart. */
    public record TrendPoint(LocalDate day, Map<Status, Long> counts) {
    }
}
