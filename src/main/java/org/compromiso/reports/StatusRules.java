package org.compromiso.reports;

import java.time.LocalDate;

/**
 * The status rules, in one place (the README's table). Applied in this order:
 * <ol>
 * <li>closed as not implemented, or cancelled: so;</li>
 * <li>done: the process ended successfully;</li>
 * <li>overdue: an open task's due date, or the target date of a discrete commitment, is before today;</li>
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
     */
    public record Facts(String lifecycle, boolean processCompleted, LocalDate targetDate, boolean continuing,
                        LocalDate nextDeadline, LocalDate unstartedDeadline, boolean blocked, LocalDate lastActivity) {
    }

    public Status apply(Facts facts, LocalDate today) {
        if ("not_implemented".equals(facts.lifecycle())) {
            return Status.NOT_IMPLEMENTED;
        }
        if ("cancelled".equals(facts.lifecycle())) {
            return Status.CANCELLED;
        }
        if ("done".equals(facts.lifecycle()) || facts.processCompleted()) {
            return Status.DONE;
        }
        if (before(facts.nextDeadline(), today)
                || (!facts.continuing() && before(facts.targetDate(), today))) {
            return Status.OVERDUE;
        }
        boolean nearAndNotStarted = facts.unstartedDeadline() != null
                && !facts.unstartedDeadline().isAfter(today.plusDays(nearDays));
        if (facts.blocked() || nearAndNotStarted || isStale(facts, today)) {
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
