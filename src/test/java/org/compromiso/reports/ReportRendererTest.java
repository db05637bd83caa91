package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The PDF is a summary: each table stops at {@code compromiso.reports.pdf-rows}; the page's at {@code page-rows},
 * with the list of all commitments over pages (walked in {@link ReportPagesTest}). The CSV
 * opens in spreadsheets, so no text of a user's becomes a formula there.
 */
@CompromisoTest
class ReportRendererTest {

    @Autowired
    ReportRenderer renderer;
    @Autowired
    TestRestTemplate http;
    @Value("${compromiso.reports.pdf-rows}")
    int pdfRows;
    @Value("${compromiso.reports.page-rows}")
    int pageRows;

    @Test
    void eachTableOfThePdfStopsAtItsRowsAndSaysHowManyMoreThePageLists() throws Exception {
        int lines = pdfRows + 23;
        var report = report(IntStream.range(0, lines).mapToObj(ReportRendererTest::line).toList());

        String text;
        try (var pdf = Loader.loadPDF(renderer.pdf(report, List.of()))) {
            text = new PDFTextStripper().getText(pdf);
        }

        assertThat(text).contains(code(0), code(pdfRows - 1)).doesNotContain(code(pdfRows), code(lines - 1));
        assertThat(text.split("23 more: the page and the CSV list them all", -1)).as("all commitments and upcoming")
                .hasSize(3);
        var secondPage = renderer.model(report, "lang=es", List.of(), false, 2);
        assertThat(secondPage).containsEntry("rowLimit", pageRows);
        assertThat((List<?>) secondPage.get("commitmentsPage")).as("the page's list goes on from the first page's end")
                .hasSize(Math.min(pageRows, lines - pageRows)).first().isEqualTo(report.commitments().get(pageRows));
    }

    /** OWASP's CSV Injection advice: a cell starting with = + - @ tab or CR is prefixed with a single quote. */
    @Test
    void csvCellsThatASpreadsheetWouldTakeForFormulasAreNeutralised() throws Exception {
        var formulas = new CommitmentStatus("CSV-FORMULA", "MX-US-2024-01-19", "=HYPERLINK(\"http://evil.example\")",
                "agreed-action", Status.AT_RISK, Status.ON_TRACK, "+1+cmd|' /C calc'!A0", Map.of("MX", "sre"),
                "-2+3", null, null, 2, 5, "@SUM(A1:A9)", "\tstatement.txt", List.of("\rhttp://evil.example"), false,
                null, null, null, List.of(), null, false);
        var plain = line(1);

        var rows = csvRows(renderer.csv(report(List.of(formulas, plain))));

        assertThat(rows.get(0)).containsEntry("title", "'=HYPERLINK(\"http://evil.example\")")
                .containsEntry("overrideComment", "'+1+cmd|' /C calc'!A0").containsEntry("currentStep", "'-2+3")
                .containsEntry("quote", "'@SUM(A1:A9)").containsEntry("quoteDocument", "'\tstatement.txt")
                .containsEntry("evidence", "'\rhttp://evil.example")
                .containsEntry("stepsDone", "2").containsEntry("stepsKnown", "5").containsEntry("blocked", "false");
        assertThat(rows.get(1)).as("text that cannot be a formula is left as it is")
                .containsEntry("title", "Rendered commitment 1").containsEntry("code", code(1))
                .containsEntry("meeting", "MX-US-2024-01-19").containsEntry("targetDate", plain.targetDate().toString());
    }

    @Test
    void aTitleThatIsAFormulaReachesTheDownloadedCsvNeutralised() throws Exception {
        var desk = http.withBasicAuth("deskOfficer", "demo");
        if (desk.getForEntity("/api/commitments/TEST-CSV-FORMULA", String.class).getStatusCode() != HttpStatus.OK) {
            var registered = desk.postForEntity("/api/commitments", Map.of("code", "TEST-CSV-FORMULA",
                    "meetingCode", "MX-US-2024-01-19", "title", "=1+1", "kind", "agreed-action",
                    "leadAgencies", Map.of("MX", "sre", "US", "state"), "targetDate", "2030-06-30",
                    "provenance", Map.of("document", "001_ae9539afecd76ba5.txt", "quote",
                            "Mexico and the United States agreed to carry out a joint visit to Darién", "language", "en")),
                    String.class);
            assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
        }

        var rows = csvRows(desk.getForObject("/reports/status.csv", String.class));

        assertThat(rows).filteredOn(row -> row.get("code").equals("TEST-CSV-FORMULA")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("title", "'=1+1"));
    }

    private static List<Map<String, String>> csvRows(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    private static StatusReport report(List<CommitmentStatus> lines) {
        var counts = new EnumMap<Status, Long>(Status.class);
        counts.put(Status.ON_TRACK, (long) lines.size());
        return new StatusReport(LocalDate.now(), Instant.now(), ReportFilter.ALL, "en", counts, lines, List.of(),
                List.of(), List.of(), lines, List.of(), List.of("MX", "US"), List.of(), Map.of(), List.of());
    }

    private static CommitmentStatus line(int i) {
        return new CommitmentStatus(code(i), "MX-US-2024-01-19", "Rendered commitment " + i, "agreed-action",
                Status.ON_TRACK, Status.ON_TRACK, null, Map.of("MX", "sre", "US", "state"), "Plan the action",
                LocalDate.now().plusDays(3), LocalDate.now().plusMonths(3), 1, 4, "An agreed sentence.", "statement.txt",
                List.of(), false, null, LocalDate.now(), null, List.of("sre"), LocalDate.now().minusDays(2), false);
    }

    private static String code(int i) {
        return String.format("PDF-ROWS-%04d", i);
    }
}
