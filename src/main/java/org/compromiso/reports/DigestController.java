package org.compromiso.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/reports/digest}: sends the leadership digest now (leadership, desk, admins). */
@RestController
class DigestController {

    private final LeadershipDigest digest;

    DigestController(LeadershipDigest digest) {
        this.digest = digest;
    }

    @PostMapping("/api/reports/digest")
    Map<String, List<String>> send() {
        return Map.of("sentTo", digest.send(Instant.now()));
    }
}
