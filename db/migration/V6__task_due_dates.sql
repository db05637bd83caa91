-- Every due date each user task has had, and from when (the engine's time). The engine overwrites a moved due
-- date in place, in act_hi_taskinst too, so a report drawn for a past moment reads the deadline of that moment
-- from here. Append-only; written by the reports' TaskDueDates listener.

CREATE TABLE task_due_date (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id  text NOT NULL,
    -- null: the due date was removed
    due_date timestamptz,
    at       timestamptz NOT NULL
);

CREATE INDEX task_due_date_task_idx ON task_due_date (task_id, at);

CREATE TRIGGER task_due_date_append_only BEFORE UPDATE OR DELETE ON task_due_date
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_rows_append_only();

-- Tasks of an existing installation: their due date of today from their start, the best that is known. On a
-- fresh database the engine's tables do not exist yet and there is nothing to copy.
DO $$
BEGIN
    IF to_regclass('public.act_hi_taskinst') IS NOT NULL THEN
        INSERT INTO task_due_date (task_id, due_date, at)
        SELECT id_, due_date_, start_time_ FROM public.act_hi_taskinst WHERE due_date_ IS NOT NULL;
    END IF;
END $$;
