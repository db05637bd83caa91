-- The status of every commitment at the end of a settled past day, as the report's query judged it then. The
-- trend and "what changed since a week earlier" read these instead of rebuilding eight past days from the history
-- on every draw. A cache of facts that no longer change: rows may be deleted (older days are, nightly) and are
-- taken again from the history when a report needs them. Written by the reports' StatusSnapshots.

CREATE TABLE status_snapshot_day (
    day         date PRIMARY KEY,
    taken_at    timestamptz NOT NULL DEFAULT now(),
    commitments integer NOT NULL
);

CREATE TABLE status_snapshot (
    day           date NOT NULL REFERENCES status_snapshot_day (day) ON DELETE CASCADE,
    commitment_id bigint NOT NULL REFERENCES commitment (id),
    status        text NOT NULL,
    PRIMARY KEY (day, commitment_id)
);

-- A commitment's first change of target date gives the target it was agreed with, for the days before it was
-- recorded; few commitments have one.
CREATE INDEX commitment_history_target_change_idx ON commitment_history (commitment_id, at, id)
    WHERE action = 'target-date-changed';
