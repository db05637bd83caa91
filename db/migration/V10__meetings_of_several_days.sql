-- A round of talks may last several days: held_on is its first day, ends_on its last (null: a one-day meeting).
-- A month is the longest round the seeds know of by far; anything longer is a typing error.
ALTER TABLE meeting
    ADD COLUMN ends_on date,
    ADD CONSTRAINT meeting_ends_after_start CHECK (ends_on IS NULL OR ends_on BETWEEN held_on AND held_on + 31);
