package org.compromiso.commitments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A commitment as lists show it: what was agreed, by whom, by when, and the sentence that established it. */
public record CommitmentSummary(String code, String meetingCode, String title, String kind, String lifecycle,
                                LocalDate targetDate, boolean continuing, String priority,
                                Map<String, String> leadAgencies, List<String> contributingAgencies,
                                NewCommitment.Provenance provenance, String processInstanceId) {
}
