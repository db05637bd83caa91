-- What leadership adds to the derived status: compliance assessments per party and reporting period
-- (the G7/G20 Research Group's scale), and colour overrides with a comment. Both are append-only: the latest
-- row as of a date is the one that counts then, so a report drawn for a past date gives the answer of that date.

CREATE TABLE assessment (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    commitment_id bigint NOT NULL REFERENCES commitment,
    period        text NOT NULL CHECK (period ~ '^[0-9]{4}-(Q[1-4]|H[12]|[0-9]{2})$'),
    party         text NOT NULL REFERENCES party,
    score         smallint NOT NULL CHECK (score IN (-1, 0, 1)),
    rationale     text NOT NULL CHECK (length(trim(rationale)) > 0 AND length(rationale) <= 4000),
    assessor      text NOT NULL,
    at            timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX assessment_commitment_idx ON assessment (commitment_id, party, at);

CREATE TABLE status_override (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    commitment_id bigint NOT NULL REFERENCES commitment,
    -- null withdraws the override: the derived status counts again
    status        text CHECK (status IN ('ON_TRACK', 'AT_RISK', 'OVERDUE', 'DONE', 'NOT_IMPLEMENTED', 'CANCELLED')),
    comment       text NOT NULL CHECK (length(trim(comment)) > 0 AND length(comment) <= 2000),
    author        text NOT NULL,
    at            timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX status_override_commitment_idx ON status_override (commitment_id, at);

CREATE FUNCTION leadership_rows_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER assessment_append_only BEFORE UPDATE OR DELETE ON assessment
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_rows_append_only();
CREATE TRIGGER status_override_append_only BEFORE UPDATE OR DELETE ON status_override
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_rows_append_only();
