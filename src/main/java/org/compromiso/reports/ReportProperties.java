package org.compromiso.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How reports judge and when the digest goes out.
 *
 * @param nearDays     a deadline this close, with no step done yet, puts a commitment at risk
 * @param staleDays    this many days without any change puts a commitment at risk
 * @param upcomingDays how far ahead the report lists deadlines
 * @param trendWeeks   how many weeks the trend chart shows
 * @param digestCron   when the leadership digest is mailed (Spring cron, server time zone)
 * @param snapshotCron when the day before's statuses are kept for the trend (Spring cron, UTC)
 * @param baseUrl      where readers open the report, for links in the digest
 * @param pdfRows      at most this many rows per table in the PDF (and the digest's): a summary to read, not the
 *                     catalogue, which the page and the CSV list in full
 * @param pageRows     at most this many rows per table on the page; the list of all commitments goes on over
 *                     pages ({@code page=2}), the CSV and JSON hold everything
 */
@ConfigurationProperties("compromiso.reports")
public record ReportProperties(int nearDays, int staleDays, int upcomingDays, int trendWeeks, String digestCron,
                               String snapshotCron, String baseUrl, int pdfRows, int pageRows) {

    public ReportProperties {
        if (pdfRows < 1 || pageRows < 1) {
            throw new IllegalArgumentException("compromiso.reports.pdf-rows and page-rows must be at least 1");
        }
    }

    StatusRules rules() {
        return new StatusRules(nearDays, staleDays);
    }
}
