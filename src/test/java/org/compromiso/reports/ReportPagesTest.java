package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.compromiso.CompromisoTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The page is read, not scrolled through: each table stops at {@code page-rows}, and the list of all commitments
 * goes on over pages that keep the reader's filters and language. Three rows a page here, so the demo's record
 * fills several.
 */
@CompromisoTest
@TestPropertySource(properties = "compromiso.reports.page-rows=3")
// a service of its own, in a JVM of its own (pom.xml: surefire execution own-service-tests): a second engine in the
// shared JVM would take over the engine REST API's lookup from the shared context's
@Tag("own-service")
class ReportPagesTest {

    private static final int ROWS = 3;

    @Autowired
    TestRestTemplate http;

    @Test
    void aReaderWalksThePagesOfAllCommitmentsInSpanishAndEachShowsTheNextRowsOfTheSameReport() {
        List<String> codes = new ArrayList<>();
        json("/reports/status.json?lang=es").get("commitments").forEach(line -> codes.add(line.get("code").asText()));
        assertThat(codes).as("the demo's record fills more than two pages").hasSizeGreaterThan(2 * ROWS);

        List<String> walked = new ArrayList<>();
        String next = "/reports/status?lang=es";
        int pages = 0;
        while (next != null) {
            assertThat(pages).as("pages walked, at most one a commitment").isLessThan(codes.size());
            Document page = page(next);
            var rows = page.select("#commitments table.commitments tbody tr td.code").eachText();
            assertThat(rows).as(next).hasSizeBetween(1, ROWS);
            int from = walked.size() + 1;
            walked.addAll(rows);
            assertThat(page.select("#commitments nav.pages span").text())
                    .isEqualTo("Compromisos " + from + " a " + walked.size() + " de " + codes.size());
            assertThat(page.select("html").attr("lang")).isEqualTo("es");
            var previous = page.select("#commitments nav.pages a[rel=prev]");
            assertThat(previous.isEmpty()).as("no page before the first").isEqualTo(pages == 0);
            assertThat(previous.text()).isIn("", "Página anterior");
            var link = page.select("#commitments nav.pages a[rel=next]");
            next = link.isEmpty() ? null : link.attr("href");
            if (next != null) {
                assertThat(next).as("the next page keeps the language").contains("lang=es").contains("page=" + (pages + 2));
            }
            pages++;
        }

        assertThat(walked).as("every commitment once, in the report's order").isEqualTo(codes);
        assertThat(pages).isEqualTo((codes.size() + ROWS - 1) / ROWS);
    }

    @Test
    void aFilteredReportPagesThroughItsOwnCommitmentsAndAPagePastTheLastShowsTheLast() {
        List<String> overdue = new ArrayList<>();
        json("/reports/status.json?status=OVERDUE").get("commitments")
                .forEach(line -> overdue.add(line.get("code").asText()));
        int last = Math.max(1, (overdue.size() + ROWS - 1) / ROWS);

        Document page = page("/reports/status?status=OVERDUE&page=999");

        assertThat(page.select("#commitments table.commitments tbody tr td.code").eachText())
                .isEqualTo(overdue.subList(Math.min((last - 1) * ROWS, overdue.size()), overdue.size()));
        assertThat(page.select("#commitments nav.pages a[rel=next]")).isEmpty();
        if (last > 1) {
            assertThat(page.select("#commitments nav.pages a[rel=prev]").attr("href"))
                    .contains("status=OVERDUE").contains("page=" + (last - 1)).doesNotContain("999");
        }
    }

    @Test
    void eachSectionStopsAtThePageRowsAndSaysHowManyMoreTheCsvLists() {
        var report = json("/reports/status.json");
        int upcoming = report.get("upcoming").size();
        Document page = page("/reports/status");

        for (var section : Map.of("overdue", "overdue", "stale", "stale", "upcoming", "upcoming", "blockers", "blocked")
                .entrySet()) {
            int all = report.get(section.getValue()).size();
            assertThat(page.select("#" + section.getKey() + " tbody tr")).as(section.getKey())
                    .hasSize(Math.min(all, ROWS));
            var more = page.select("#" + section.getKey() + " p.more");
            if (all > ROWS) {
                assertThat(more.text()).as(section.getKey())
                        .isEqualTo((all - ROWS) + " more: the CSV lists them all, and so do the pages of all commitments below.");
            } else {
                assertThat(more).as(section.getKey()).isEmpty();
            }
        }
        assertThat(upcoming + report.get("overdue").size()).as("the demo fills at least one section past a page")
                .isGreaterThan(ROWS);
    }

    @Test
    void aPageBeforeTheFirstOrNotANumberIsRefusedNamingTheParameter() {
        var reasons = Map.of("0", "must be 1 or more", "-1", "must be 1 or more", "abc", "", "2.5", "");
        reasons.forEach((page, reason) -> {
            var refused = http.withBasicAuth("leadershipReader", "demo")
                    .getForEntity("/reports/status?lang=es&page=" + page, JsonNode.class);

            assertThat(refused.getStatusCode()).as(page).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).as(page).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            var error = refused.getBody().path("errors").path(0);
            assertThat(error.path("field").asText()).as(page).isEqualTo("page");
            assertThat(error.path("reason").asText()).as(page).isNotBlank().contains(reason);
        });
    }

    private Document page(String path) {
        var answer = http.withBasicAuth("leadershipReader", "demo").getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return Jsoup.parse(answer.getBody());
    }

    private JsonNode json(String path) {
        return http.withBasicAuth("leadershipReader", "demo").getForObject(path, JsonNode.class);
    }
}
