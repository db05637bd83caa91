package org.compromiso.reports;

/** Where a commitment stands, derived by {@link StatusRules}, never typed in (but leadership may override it). */
public enum Status {
    ON_TRACK, AT_RISK, OVERDUE, DONE, NOT_IMPLEMENTED, CANCELLED;

    /** The CSS class and colour name of the status. */
    public String css() {
        return name().toLowerCase().replace('_', '-');
    }
}
