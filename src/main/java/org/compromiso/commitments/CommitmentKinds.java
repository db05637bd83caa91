package org.compromiso.commitments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kinds of agreed action, as the processes that serve them declared them when they were deployed
 * ({@link KindDeclaration}).
 */
@Repository
public class CommitmentKinds {

    private static final String COLUMNS = "code, process_key, name_en, name_es, required_parties, process_version";

    private final JdbcClient jdbc;

    CommitmentKinds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CommitmentKind> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM commitment_kind WHERE code = ?")
                .param(code)
                .query(CommitmentKinds::kind)
                .optional();
    }

    public List<CommitmentKind> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM commitment_kind ORDER BY code").query(CommitmentKinds::kind).list();
    }

    public List<String> codes() {
        return jdbc.sql("SELECT code FROM commitment_kind ORDER BY code").query(String.class).list();
    }

    /** Why this process may not serve the kind it declares; empty when it may. */
    public List<String> problemsWith(KindDeclaration declaration, String processKey) {
        var problems = new ArrayList<String>();
        var known = jdbc.sql("SELECT code FROM party").query(String.class).set();
        declaration.parties().stream().filter(party -> !known.contains(party))
                .forEach(party -> problems.add(KindDeclaration.PARTIES + " names " + party
                        + ", a party the service does not know"));
        // a second process claiming a kind would silently take over its new commitments
        find(declaration.code()).filter(kind -> !kind.processKey().equals(processKey))
                .ifPresent(kind -> problems.add("kind " + kind.code() + " is served by the process "
                        + kind.processKey()));
        return problems;
    }

    /**
     * Registers the kind, or updates its names, parties and version, in the deploying transaction. Refuses (rather
     * than skips) a kind that another process serves, so such a deployment does not go through.
     */
    public void register(KindDeclaration declaration, String processKey, int processVersion) {
        int written = jdbc.sql("""
                        INSERT INTO commitment_kind (code, process_key, name_en, name_es, required_parties, process_version)
                        VALUES (:code, :processKey, :nameEn, :nameEs, :parties, :version)
                        ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_es = EXCLUDED.name_es,
                            required_parties = EXCLUDED.required_parties, process_version = EXCLUDED.process_version,
                            registered_at = now()
                        WHERE commitment_kind.process_key = EXCLUDED.process_key""")
                .param("code", declaration.code())
                .param("processKey", processKey)
                .param("nameEn", declaration.nameEn())
                .param("nameEs", declaration.nameEs())
                .param("parties", declaration.parties().toArray(String[]::new))
                .param("version", processVersion)
                .update();
        if (written == 0) {
            throw new IllegalStateException("Kind " + declaration.code() + " is served by another process than "
                    + processKey);
        }
    }

    private static CommitmentKind kind(ResultSet rs, int row) throws SQLException {
        int version = rs.getInt(6);
        Integer processVersion = rs.wasNull() ? null : version;
        return new CommitmentKind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                List.of((String[]) rs.getArray(5).getArray()), processVersion);
    }
}
