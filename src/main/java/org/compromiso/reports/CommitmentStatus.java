package org.compromiso.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One commitment in a report: what was agreed and by whom, where its process stands, and its status.
 *
 * @param overrideComment leadership's comment when it overrode the derived status (then {@code status} is theirs)
 * @param stepsDone       steps completed on the path taken; {@code stepsKnown}: the steps on that path, those done,
 *                        the open ones and those still ahead of them ({@link ProcessSteps})
 * @param waitingOn       who holds the ball: the agencies (codes) the current step is offered to
 * @param waitingSince    the day the current step was created
 * @param compliedByAll   every lead party's latest compliance score is +1
 */
public record CommitmentStatus(String code, String meetingCode, String title, String kind, Status status,
                               Status derivedStatus, String overrideComment, Map<String, String> leadAgencies,
                               String currentStep, LocalDate nextDeadline, LocalDate targetDate, int stepsDone,
                               int stepsKnown, String quote, String quoteDocument, List<String> evidenceLinks,
                               boolean blocked, String blockerNote, LocalDate lastActivity,
                               String processInstanceId, List<String> waitingOn, LocalDate waitingSince,
                               boolean compliedByAll) {
}
