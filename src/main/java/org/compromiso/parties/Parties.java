package org.compromiso.parties;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The parties known to the service; a meeting or commitment may name only these. */
@Repository
public class Parties {

    private final JdbcClient jdbc;

    Parties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Party> all() {
        return jdbc.sql("SELECT code, name_en, name_es FROM party ORDER BY code").query(Party.class).list();
    }

    /** Those of these codes that no party has, in order. */
    public Set<String> unknown(Collection<String> codes) {
        var unknown = new TreeSet<>(codes);
        unknown.removeAll(jdbc.sql("SELECT code FROM party").query(String.class).set());
        return unknown;
    }

    /** The desk's words for a party the service does not know, the same wherever it is named. */
    public static String unknownParty(String code) {
        return "unknown party '" + code + "': an administrator adds it first (POST /api/parties)";
    }

    /** Adds the party; false when one with its code exists already. */
    boolean add(Party party) {
        return jdbc.sql("INSERT INTO party (code, name_en, name_es) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING")
                .params(party.code(), party.nameEn(), party.nameEs()).update() == 1;
    }
}
