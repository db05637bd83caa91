package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

class TrendChartTest {

    @Test
    void labelsInAnyLanguageAndWithMarkupStayTextOfAWellFormedSvg() throws Exception {
        String svg = TrendChart.svg(List.of(new StatusReport.TrendPoint(LocalDate.of(2024, 2, 28),
                        Map.of(Status.DONE, 3L, Status.OVERDUE, 1L))),
                Map.of("trend", "Evolución <script>alert(1)</script> & \"más\"", "status.DONE", "Cumplido"));

        // the PDF renderer reads the chart as XML: HTML's named entities (&oacute;) would not parse
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Evolución <script>alert(1)</script> & \"más\"");
        assertThat(svg).contains("Evolución &lt;script&gt;").contains("02-28 Cumplido: 3");
    }
}
