package org.compromiso.identity;

import java.util.Locale;

/** A government agency; its code is also the id of its Camunda group. */
public record Agency(String code, String party, String shortName, String nameEn, String nameEs, String timeZone) {

    /**
     * The language its coordinators work in: English on the US side, Spanish for Mexico, Panama, Guatemala and any
     * party added later (the design's people: only US coordinators work in English).
     */
    public Locale language() {
        return "US".equals(party) ? Locale.ENGLISH : Locale.forLanguageTag("es");
    }
}
