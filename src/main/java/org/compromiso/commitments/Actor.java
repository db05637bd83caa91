package org.compromiso.commitments;

/** Who changes a commitment, and through which surface (api, catalog, tasklist, engine, system). */
public record Actor(String userId, String surface) {

    public static Actor system() {
        return new Actor("system", "system");
    }
}
