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
    private final String css;

    ReportRenderer(TemplateEngine templates, ReportLabels labels, AgencyDirectory agencies, BallHolders ballHolders,
                   ReportProperties properties) throws IOException {
        this.templates = templates;
        this.labels = labels;
        this.agencies = agencies;
        this.ballHolders = ballHolders;
        this.pdfRows = properties.pdfRows();
        this.css = new ClassPathResource("static/css/report.css").getContentAsString(StandardCharsets.UTF_8);
    }

    /** What the template needs beside the report. */
    Map<String, Object> model(StatusReport report, String query, List<String> meetings, boolean pdf) {
        var words = labels.of(report.language());
        return Map.ofEntries(Map.entry("report", report), Map.entry("trendSvg", TrendChart.svg(report.trend(), words)),
                Map.entry("query", query), Map.entry("meetings", meetings), Map.entry("agencies", agencies.all()),
                Map.entry("agencyNames", ballHolders.names(report.language())), Map.entry("ballHolders", ballHolders),
                Map.entry("statuses", Status.values()), Map.entry("labels", words), Map.entry("cockpitBase", COCKPIT),
                Map.entry("pdf", pdf), Map.entry("css", pdf ? css : ""),
                Map.entry("rowLimit", pdf ? pdfRows : Integer.MAX_VALUE));
    }

    byte[] pdf(StatusReport report, List<String> meetings) {
        var context = new Context(java.util.Locale.forLanguageTag(report.language()), model(report, "", meetings, true));
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
