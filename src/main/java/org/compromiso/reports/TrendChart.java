package org.compromiso.reports;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * The status trend as stacked bars, drawn here as SVG markup rather than in the browser: the page must work
 * without JavaScript (our Content-Security-Policy forbids inline scripts), and the PDF renderer runs none.
 */
final class TrendChart {

    private static final int WIDTH = 640, LEFT = 36, RIGHT = 8, TOP = 10, BASE = 168;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter DAY_OF_YEAR = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private TrendChart() {
    }

    static String svg(List<StatusReport.TrendPoint> points, Map<String, String> labels) {
        List<StatusReport.TrendPoint> bars = points == null ? List.of() : points;
        long max = Math.max(1, bars.stream().mapToLong(TrendChart::total).max().orElse(0));
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, bars.size());
        double barWidth = Math.min(40, slot * 0.7);
        // more day labels than that would overlap; a trend across years names the year
        int labelEvery = (int) Math.ceil(bars.size() / (double) (acrossYears(bars) ? 8 : 12));
        DateTimeFormatter dayFormat = acrossYears(bars) ? DAY_OF_YEAR : DAY;
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"220\""
                + " viewBox=\"0 0 640 220\" role=\"img\" class=\"trend-chart\""
                + " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#1d2733\">");
        svg.append("<title>").append(xml(labels.getOrDefault("trend", "Trend"))).append("</title>")
                .append(String.format(Locale.ROOT, "<path d=\"M%d %dV%dH%d\" fill=\"none\" stroke=\"#5b6775\"/>",
                        LEFT, TOP, BASE, WIDTH - RIGHT))
                .append(text(LEFT - 4, TOP + 4, "end", Long.toString(max)))
                .append(text(LEFT - 4, BASE, "end", "0"));
        for (int i = 0; i < bars.size(); i++) {
            StatusReport.TrendPoint point = bars.get(i);
            String day = dayFormat.format(point.day());
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double y = BASE;
            for (Status status : Status.values()) {
                long count = point.counts().getOrDefault(status, 0L);
                if (count > 0) {
                    double height = (BASE - TOP) * (double) count / max;
                    y -= height;
                    svg.append(rect(x, y, barWidth, height, status)).append("<title>")
                            .append(xml(day + " " + label(status, labels) + ": " + count)).append("</title></rect>");
                }
            }
            if (i % labelEvery == 0) {
                svg.append(text(x + barWidth / 2, BASE + 14, "middle", day));
            }
        }
        double legendX = LEFT, legendStep = (WIDTH - LEFT) / (double) Status.values().length;
        for (Status status : Status.values()) {
            svg.append(rect(legendX, 199, 10, 10, status)).append("</rect>")
                    .append(text(legendX + 14, 208, "start", label(status, labels)));
            legendX += legendStep;
        }
        return svg.append("</svg>").toString();
    }

    /** The same colours as report.css, so the chart matches the tiles and badges. */
    private static String colour(Status status) {
        return switch (status) {
            case ON_TRACK -> "#1e7d32";
            case AT_RISK -> "#b26a00";
            case OVERDUE -> "#b3261e";
            case DONE -> "#3d4a57";
            case NOT_IMPLEMENTED -> "#6b4f9e";
            case CANCELLED -> "#8a939c";
        };
    }

    private static boolean acrossYears(List<StatusReport.TrendPoint> bars) {
        return !bars.isEmpty() && bars.get(0).day().getYear() != bars.get(bars.size() - 1).day().getYear();
    }

    private static long total(StatusReport.TrendPoint point) {
        return point.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String label(Status status, Map<String, String> labels) {
        return labels.getOrDefault("status." + status.name(), status.name());
    }

    private static String rect(double x, double y, double width, double height, Status status) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                x, y, width, height, colour(status));
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
                x, y, anchor, xml(content));
    }

    /** The text escaped for XML: the PDF renderer parses the chart as XML, where HTML's named entities are unknown. */
    private static String xml(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
