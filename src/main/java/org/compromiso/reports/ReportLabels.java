package org.compromiso.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The report's words in English or Spanish ({@code messages*.properties}, keys {@code report.*}). */
@Component
class ReportLabels {

    private static final List<String> KEYS = List.of("title", "asOf", "generated", "filters", "meeting", "agency",
            "party", "status", "language", "apply", "all", "download", "counts", "changes", "noChanges", "overdue",
            "stale", "upcoming", "blockers", "compliance", "trend", "commitments", "code", "commitment", "leads",
            "currentStep", "nextDeadline", "target", "progress", "evidence", "provenance", "lastActivity", "override",
            "diagram", "assess", "period", "periodHint", "none", "more", "moreOnPage", "previous", "next", "score.1",
            "score.0", "score.-1", "average", "compliedByAll", "trendWeeks", "trendAll");

    private final MessageSource messages;

    ReportLabels(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, String> of(String language) {
        Locale locale = Locale.forLanguageTag(language);
        var labels = new LinkedHashMap<String, String>();
        KEYS.forEach(key -> labels.put(key, messages.getMessage("report." + key, null, locale)));
        for (Status status : Status.values()) {
            labels.put("status." + status.name(), messages.getMessage("report.status." + status.name(), null, locale));
        }
        return labels;
    }

    String message(String key, Object[] arguments, String language) {
        return messages.getMessage(key, arguments, Locale.forLanguageTag(language));
    }
}
