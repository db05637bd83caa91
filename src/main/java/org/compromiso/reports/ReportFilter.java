package org.compromiso.reports;

/** What a report covers; null fields do not filter. {@code period} narrows the compliance matrix to that period. */
public record ReportFilter(String meeting, String agency, String party, Status status, String period) {

    static final ReportFilter ALL = new ReportFilter(null, null, null, null, null);
}
