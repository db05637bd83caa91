package org.compromiso.reports;

import java.time.LocalDate;

/**
 * What a report covers; null fields do not filter. {@code period} narrows the compliance matrix to that period;
 * {@code trendSince} draws the trend from that day (null: the last {@code trend-weeks} weeks).
 */
public record ReportFilter(String meeting, String agency, String party, Status status, String period,
                           LocalDate trendSince) {

    static final ReportFilter ALL = new ReportFilter(null, null, null, null, null, null);
}
