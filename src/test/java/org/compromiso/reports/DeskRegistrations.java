package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Commitments the reports' tests register as the desk does, through the API, in the January 2024 meeting. */
final class DeskRegistrations {

    private DeskRegistrations() {
    }

    /** A code of this run: a class may run again on the same database (another seed, a rerun). */
    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    static void register(TestRestTemplate http, String code, String kind, Map<String, String> leads,
                         String targetDate) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("meetingCode", "MX-US-2024-01-19");
        body.put("title", "A commitment " + code);
        body.put("kind", kind);
        body.put("leadAgencies", leads);
        body.put("targetDate", targetDate);
        body.put("provenance", Map.of("document", "001_ae9539afecd76ba5.txt",
                "quote", "Mexico and the United States agreed to carry out a joint visit to Darién", "language", "en"));
        var answer = http.withBasicAuth("deskOfficer", "demo").postForEntity("/api/commitments", body, String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}
