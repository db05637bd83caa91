-- The report of now reads the engine's runtime tasks when no task fact is later than its moment; this index answers
-- "is any due date recorded later?" without reading the table (the engine's history has its own on its times).
CREATE INDEX task_due_date_at_idx ON task_due_date (at);
