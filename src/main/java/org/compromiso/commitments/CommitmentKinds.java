package org.compromiso.commitments;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kinds of agreed action known to the database. */
@Repository
public class CommitmentKinds {

    private final JdbcClient jdbc;

    CommitmentKinds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CommitmentKind> find(String code) {
        return jdbc.sql("SELECT code, process_key, name_en, name_es, required_parties FROM commitment_kind WHERE code = ?")
                .param(code)
                .query((rs, row) -> new CommitmentKind(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), List.of((String[]) rs.getArray(5).getArray())))
                .optional();
    }

    public List<String> codes() {
        return jdbc.sql("SELECT code FROM commitment_kind ORDER BY code").query(String.class).list();
    }

}
