-- Corrections of a meeting (a title, place or date typed wrong): who, when, what, through which surface.
-- Append-only, like commitment_history.
CREATE TABLE meeting_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meeting,
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text NOT NULL,
    surface    text NOT NULL CHECK (surface IN ('api', 'catalog', 'tasklist', 'engine', 'system')),
    action     text NOT NULL,
    detail     jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX meeting_history_meeting_idx ON meeting_history (meeting_id, at);

CREATE TRIGGER meeting_history_append_only
    BEFORE UPDATE OR DELETE ON meeting_history
    FOR EACH STATEMENT EXECUTE FUNCTION commitment_history_append_only();
