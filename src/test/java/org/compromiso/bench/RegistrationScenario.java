package org.compromiso.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.compromiso.resilience.EngineRest;

/**
 * Scenario 1: the commitment desk registers agreed actions through {@code POST /api/commitments}, each starting
 * its AgreedAction process to its first user task (and that task's deadline process), history level full.
 */
final class RegistrationScenario {

    private final ServiceUnderTest service;

    RegistrationScenario(ServiceUnderTest service) {
        this.service = service;
    }

    /** Registers {@code count} commitments coded {@code prefix-0...}, led by SRE and State. */
    LoadDriver.Run register(String prefix, int count, int clients) throws InterruptedException {
        List<EngineRest> desks = IntStream.range(0, clients).mapToObj(i -> service.as("deskOfficer")).toList();
        List<String> codes = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
        String targetDate = LocalDate.now().plusMonths(6).toString();
        return LoadDriver.forEach(clients, codes, (client, code) -> {
            var answer = desks.get(client).post("/api/commitments", Map.of("code", code,
                    "meetingCode", "MX-US-2024-01-19", "title", "Benchmark commitment " + code,
                    "kind", "agreed-action", "leadAgencies", Map.of("MX", "sre", "US", "state"),
                    "targetDate", targetDate,
                    "provenance", Map.of("document", "benchmark.txt", "quote", "An agreed sentence.", "language", "en")));
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("registration answered " + answer.statusCode() + ": " + answer.body());
            }
            return LoadDriver.Outcome.OK;
        });
    }
}
