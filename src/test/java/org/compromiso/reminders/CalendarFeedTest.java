package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@CompromisoTest
class CalendarFeedTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void eachUserHasAPrivateFeedOfTheirOwnDeadlines() {
        @SuppressWarnings("unchecked")
        Map<String, String> mine = http.withBasicAuth("gsaCoordinator", "demo").getForObject("/api/calendar", Map.class);
        String path = mine.get("url").substring(mine.get("url").indexOf("/calendar/"));

        var feed = new TestRestTemplate().getForEntity(http.getRootUri() + path, String.class);

        assertThat(feed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(feed.getHeaders().getContentType().toString()).startsWith("text/calendar");
        // a task's name names its commitment first; long lines of the feed are folded (RFC 5545)
        String unfolded = feed.getBody().replace("\r\n ", "");
        assertThat(unfolded).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:MXUS-2401-OTAY-II · ")
                .contains(" — Update US progress").doesNotContain("Propose visit dates");
        assertThat(new TestRestTemplate().getForEntity(http.getRootUri() + "/calendar/not-a-token.ics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
