package org.compromiso.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.compromiso.identity.AgencyDirectory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Turns one {@link StatusReport} into its HTML page model, its PDF and its CSV. */
@Component
class ReportRenderer {

    static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";
    private static final CsvMapper CSV = new CsvMapper();

    private final TemplateEngine templates;
    private final ReportLabels labels;
    private final AgencyDirectory agencies;
    private final BallHolders ballHolders;
    private final int pdfRows;
    private final int pageRows;
    private final String css;

    ReportRenderer(TemplateEngine templates, ReportLabels labels, AgencyDirectory agencies, BallHolders ballHolders,
                   ReportProperties properties) throws IOException {
        this.templates = templates;
        this.labels = labels;
        this.agencies = agencies;
        this.ballHolders = ballHolders;
        this.pdfRows = properties.pdfRows();
        this.pageRows = properties.pageRows();
        this.css = new ClassPathResource("static/css/report.css").getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * What the template needs beside the report: for the page, its tables cut at {@code page-rows} and that page
     * of the list of all commitments (a page past the last shows the last); for the PDF, every table cut at
     * {@code pdf-rows}.
     */
    Map<String, Object> model(StatusReport report, String query, List<String> meetings, boolean pdf, int page) {
        var words = labels.of(report.language());
        var holders = ballHolders.reader(report.language());
        int rows = pdf ? pdfRows : pageRows;
        var pages = Pages.of(report.commitments().size(), rows, pdf ? 1 : page, query);
        return Map.ofEntries(Map.entry("report", report), Map.entry("trendSvg", TrendChart.svg(report.trend(), words)),
                Map.entry("query", query), Map.entry("meetings", meetings), Map.entry("agencies", agencies.all()),
                Map.entry("agencyNames", holders.names()), Map.entry("ballHolders", holders),
                Map.entry("statuses", Status.values()), Map.entry("labels", words), Map.entry("cockpitBase", COCKPIT),
                Map.entry("pdf", pdf), Map.entry("css", pdf ? css : ""), Map.entry("rowLimit", rows),
                Map.entry("more", words.get(pdf ? "more" : "moreOnPage")), Map.entry("pages", pages),
                Map.entry("pagesText", labels.message("report.pages",
                        new Object[] {pages.from(), pages.to(), pages.total()}, report.language())),
                Map.entry("commitmentsPage", report.commitments().subList(pages.from() == 0 ? 0 : pages.from() - 1,
                        pages.to())));
    }

    /**
     * One page of the list of all commitments: rows {@code from} to {@code to} (1-based, both included; 0 and 0
     * when there is none) of {@code total}, and the page's links to the pages beside it (null at either end).
     */
    record Pages(int last, int from, int to, int total, String previous, String next) {

        static Pages of(int total, int rows, int asked, String query) {
            int last = Math.max(1, (total + rows - 1) / rows);
            int page = Math.min(Math.max(asked, 1), last);
            int from = total == 0 ? 0 : (page - 1) * rows + 1;
            int to = Math.min(page * rows, total);
            return new Pages(last, from, to, total, page > 1 ? link(query, page - 1) : null,
                    page < last ? link(query, page + 1) : null);
        }

        /** The same report (filters, language, day) on another page: the query string as it came, but its page. */
        private static String link(String query, int page) {
            return UriComponentsBuilder.fromUriString("/reports/status" + (query.isEmpty() ? "" : "?" + query))
                    .replaceQueryParam("page", page).build().toUriString();
        }
    }

    byte[] pdf(StatusReport report, List<String> meetings) {
        var context = new Context(java.util.Locale.forLanguageTag(report.language()), model(report, "", meetings, true, 1));
        String html = templates.process("reports/status", context);
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the report as PDF", e);
        }
    }

    String csv(StatusReport report) {
        CsvSchema schema = CsvSchema.builder().addColumn("code").addColumn("meeting").addColumn("title")
                .addColumn("status").addColumn("derivedStatus").addColumn("overrideComment").addColumn("leadAgencies")
                .addColumn("currentStep").addColumn("waitingOn").addColumn("waitingSince").addColumn("nextDeadline").addColumn("targetDate").addColumn("stepsDone")
                .addColumn("stepsKnown").addColumn("blocked").addColumn("lastActivity").addColumn("evidence")
                .addColumn("quote").addColumn("quoteDocument").build().withHeader();
        var text = new java.io.StringWriter();
        try (SequenceWriter writer = CSV.writer(schema).writeValues(text)) {
            for (CommitmentStatus line : report.commitments()) {
                writer.write(Stream.of(line.code(), line.meetingCode(), line.title(), line.status(), line.derivedStatus(),
                        text(line.overrideComment()), line.leadAgencies().toString(), text(line.currentStep()),
                        String.join(" ", line.waitingOn()), text(line.waitingSince()),
                        text(line.nextDeadline()), text(line.targetDate()), line.stepsDone(), line.stepsKnown(),
                        line.blocked(), text(line.lastActivity()), String.join(" ", line.evidenceLinks()), line.quote(),
                        line.quoteDocument()).map(ReportRenderer::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Text a spreadsheet would take for a formula (starting with = + - @, tab or CR: OWASP's CSV Injection advice)
     * gets a leading single quote. Numbers, dates and statuses are not text a user typed and stay as they are.
     */
    private static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
