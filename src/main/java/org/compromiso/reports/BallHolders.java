package org.compromiso.reports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.compromiso.identity.Agency;
import org.compromiso.identity.AgencyDirectory;
import org.springframework.stereotype.Component;

/**
 * Agencies as a reader knows them: by name in the reader's language, never by the code that is also their group's
 * id; and who holds the ball on a commitment, since when.
 */
@Component
public class BallHolders {

    private static final DateTimeFormatter SPANISH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AgencyDirectory agencies;
    private final ReportLabels labels;

    BallHolders(AgencyDirectory agencies, ReportLabels labels) {
        this.agencies = agencies;
        this.labels = labels;
    }

    /** Every agency's name in that language, by code. */
    private Map<String, String> names(String language) {
        var names = new LinkedHashMap<String, String>();
        agencies.all().forEach(agency -> names.put(agency.code(), name(agency, language)));
        return names;
    }

    /** Who holds the ball, as one report in that language names it: the agencies are read once, not per row. */
    public Reader reader(String language) {
        return new Reader(names(language), language);
    }

    /** One report's agencies by name, in one language. */
    public final class Reader {

        private final Map<String, String> names;
        private final String language;

        private Reader(Map<String, String> names, String language) {
            this.names = names;
            this.language = language;
        }

        /** Every agency's name, by code. */
        public Map<String, String> names() {
            return names;
        }

        /**
         * "Waits on Panama's Ministry of Foreign Affairs since 2024-01-20 (12 days)", or null when no step is open.
         * An unknown group (not an agency) is named by its id.
         */
        public String waiting(CommitmentStatus line, LocalDate asOf) {
            if (line.waitingOn().isEmpty() || line.waitingSince() == null) {
                return null;
            }
            List<String> who = line.waitingOn().stream().map(code -> names.getOrDefault(code, code)).toList();
            long days = ChronoUnit.DAYS.between(line.waitingSince(), asOf);
            return labels.message("report.waitingOn",
                    new Object[] {String.join(" / ", who), day(line.waitingSince(), language), days}, language);
        }
    }

    /** A day as its reader writes it: dd/mm/aaaa in Spanish, ISO otherwise (as the report's other dates). */
    static String day(LocalDate day, String language) {
        return "es".equals(language) ? SPANISH_DAY.format(day) : day.toString();
    }

    private static String name(Agency agency, String language) {
        return "es".equals(language) ? agency.nameEs() : agency.nameEn();
    }
}
