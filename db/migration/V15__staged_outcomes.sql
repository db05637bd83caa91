-- The commitments a catalog import recorded as the outcomes of the meeting that a next-meeting commitment prepared
-- (the catalog's outcomesOf): that commitment's process registers them when its coordinator completes Record
-- outcomes (Task_RegisterOutcomes), so a meeting's outcomes become the next commitments through the process.
CREATE TABLE staged_outcome (
    process_instance_id text        NOT NULL,
    code                text        NOT NULL,
    position            int         NOT NULL,
    commitment          jsonb       NOT NULL,
    staged_by           text        NOT NULL,
    staged_at           timestamptz NOT NULL,
    PRIMARY KEY (process_instance_id, code)
);
