package org.compromiso.commitments;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kinds of agreed action a commitment may have, for every logged-in user: each with its names, the parties
 * whose lead agencies it needs, and the process (key and version) whose deployment registered it.
 */
@RestController
@RequestMapping("/api/kinds")
class KindController {

    private final CommitmentKinds kinds;

    KindController(CommitmentKinds kinds) {
        this.kinds = kinds;
    }

    @GetMapping
    List<Kind> list() {
        return kinds.all().stream().map(Kind::of).toList();
    }

    /** A kind as the API shows it: names by language, as the reports name things. */
    record Kind(String code, Map<String, String> names, List<String> parties, String processKey,
                Integer processVersion) {

        static Kind of(CommitmentKind kind) {
            return new Kind(kind.code(), Map.of("en", kind.nameEn(), "es", kind.nameEs()), kind.requiredParties(),
                    kind.processKey(), kind.processVersion());
        }
    }
}
