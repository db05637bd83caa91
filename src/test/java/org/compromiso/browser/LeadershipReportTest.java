package org.compromiso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A chief of staff reads the report in Chromium: the trend since the first meeting, who holds the ball on each
 * open commitment by name, then the same in Spanish. Its first screen is the README's picture of the report.
 */
@CompromisoTest
class LeadershipReportTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void theReportTellsTheStorySinceTheFirstMeetingAndWhoHoldsTheBallInEnglishAndSpanish() {
        Page page = chromium.newPage();
        // tall enough that the first screen reaches the overdue commitments and who holds the ball on them
        page.setViewportSize(1400, 1500);
        page.navigate(url("/login"));
        page.locator("#username").fill("leadershipReader");
        page.locator("#password").fill("demo");
        page.locator("button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/camunda/app/.*"));

        page.navigate(url("/reports/status"));
        page.locator("select[name=trend]").selectOption("all");
        page.locator("form.filters button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*trend=all.*"));
        assertThat(page.locator("#trend svg")).containsText("2023-12-27");
        assertThat(page.locator("body")).containsText("Waits on Ministry of Foreign Affairs since");
        assertThat(page.locator("body")).not().containsText("MX: sre");
        chromium.screenshotForReadme(page, "report-en");

        page.locator("select[name=lang]").selectOption("es");
        page.locator("form.filters button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*lang=es.*"));
        assertThat(page.locator("select[name=trend]")).hasValue("all");
        assertThat(page.locator("#trend svg")).containsText("2023-12-27");
        assertThat(page.locator("body")).containsText("Espera a Secretaría de Relaciones Exteriores desde el");
        assertThat(page.locator("body")).containsText("Vencido");
        chromium.screenshotForReadme(page, "report-es");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
