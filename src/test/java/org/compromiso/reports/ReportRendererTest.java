package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The PDF is a summary: each table stops at {@code compromiso.reports.pdf-rows}; the page lists everything. */
@CompromisoTest
class ReportRendererTest {

    @Autowired
    ReportRenderer renderer;
    @Value("${compromiso.reports.pdf-rows}")
    int pdfRows;

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
        assertThat(renderer.model(report, "", List.of(), false)).containsEntry("rowLimit", Integer.MAX_VALUE);
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
                List.of(), false, null, LocalDate.now(), null);
    }

    private static String code(int i) {
        return String.format("PDF-ROWS-%04d", i);
    }
}
