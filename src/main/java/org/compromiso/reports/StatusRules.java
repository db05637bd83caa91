package org.compromiso.reports;

import java.time.LocalDate;

/**
 * The status rules, in one place (the README's table). Applied in this order:
 * <ol>
 * <li>closed as not implemented, or cancelled: so;</li>
 * <li>done: the process ended successfully; or leadership scored every lead party +1 (complied) in its latest
 * assessment of a commitment that is not continuing: the assessment is the better-informed judgement, and the report
 * then names the step the process still waits at, so that the desk closes it;</li>
 * <li>overdue: an open task's due date, or the target date of a discrete commitment, is before today; unless every
 * lead party complied (a continuing commitment, then): never overdue while its parties comply, it is at risk;</li>
 * <li>at risk: a blocker is flagged; or an open task that nobody has claimed is due within {@code nearDays}; or
 * no work happened for {@code staleDays} days or more (stale);</li>
 * <li>on track otherwise.</li>
 * </ol>
 */
public record StatusRules(int nearDays, int staleDays) {

    /**
     * What the rules look at, as of one day.
     *
     * @param nextDeadline      the earliest due date of the open tasks
     * @param unstartedDeadline the earliest due date of the open tasks nobody has claimed
     * @param lastActivity      the day of the last work (see {@code StatusQuery.WORK})
     * @param compliedByAll     every lead party's latest compliance score is +1
     */
    public record Facts(String lifecycle, boolean processCompleted, LocalDate targetDate, boolean continuing,
                        LocalDate nextDeadline, LocalDate unstartedDeadline, boolean blocked, LocalDate lastActivity,
                        boolean compliedByAll) {
    }

    public Status apply(Facts facts, LocalDate today) {
        if ("not_implemented".equals(facts.lifecycle())) {
            return Status.NOT_IMPLEMENTED;
        }
        if ("cancelled".equals(facts.lifecycle())) {
            return Status.CANCELLED;
        }
        if ("done".equals(facts.lifecycle()) || facts.processCompleted()
                || (facts.compliedByAll() && !facts.continuing())) {
            return Status.DONE;
        }
        boolean late = before(facts.nextDeadline(), today)
                || (!facts.continuing() && before(facts.targetDate(), today));
        if (late && !facts.compliedByAll()) {
            return Status.OVERDUE;
        }
        boolean nearAndNotStarted = facts.unstartedDeadline() != null
                && !facts.unstartedDeadline().isAfter(today.plusDays(nearDays));
        if (late || facts.blocked() || nearAndNotStarted || isStale(facts, today)) {
            return Status.AT_RISK;
        }
        return Status.ON_TRACK;
    }

    public boolean isStale(Facts facts, LocalDate today) {
        return facts.lastActivity() != null && !facts.lastActivity().isAfter(today.minusDays(staleDays));
    }

    private static boolean before(LocalDate date, LocalDate today) {
        return date != null && date.isBefore(today);
    }
}
