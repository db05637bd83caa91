package org.compromiso.reports;

/** What a report covers; null fields do not filter. */
public record ReportFilter(String meeting, String agency, String party, Status status) {
}
