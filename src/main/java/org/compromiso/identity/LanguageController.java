package org.compromiso.identity;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's language ({@link UserLanguage}), which Tasklist, Cockpit and Admin take on as they start
 * (their custom script {@code webjars/camunda/app/tasklist/scripts/compromiso-language.js}), so a coordinator whose
 * account says {@code es} gets them in Spanish whatever their browser's language.
 */
@RestController
class LanguageController {

    private final UserLanguage language;

    LanguageController(UserLanguage language) {
        this.language = language;
    }

    @GetMapping("/api/me/language")
    Map<String, String> language() {
        return Map.of("language", language.ofSignedInUser().getLanguage());
    }
}
