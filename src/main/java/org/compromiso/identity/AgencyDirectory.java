package org.compromiso.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agencies that take part in commitments, as reference data in our schema. */
@Repository
public class AgencyDirectory {

    private final JdbcClient jdbc;

    AgencyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Agency> all() {
        return jdbc.sql("SELECT code, party, short_name, name_en, name_es, time_zone FROM agency ORDER BY party, code")
                .query(Agency.class).list();
    }

    public Optional<Agency> find(String code) {
        return jdbc.sql("SELECT code, party, short_name, name_en, name_es, time_zone FROM agency WHERE code = ?")
                .param(code).query(Agency.class).optional();
    }
}
