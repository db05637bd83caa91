package org.compromiso.parties;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/parties}: every user reads them; only administrators add one (security configuration). */
@RestController
@RequestMapping("/api/parties")
class PartyController {

    private final Parties parties;

    PartyController(Parties parties) {
        this.parties = parties;
    }

    @GetMapping
    List<Party> list() {
        return parties.all();
    }

    @PostMapping
    ResponseEntity<?> add(@Valid @RequestBody Party party) {
        if (!parties.add(party)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The party " + party.code()
                    + " exists already");
            problem.setProperty("errors", List.of(java.util.Map.of("field", "code", "reason", "already known")));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.created(URI.create("/api/parties/" + party.code())).body(party);
    }
}
