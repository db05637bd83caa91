-- A commitment's title in Spanish beside the title it was registered with (issue 19): task names and reminder
-- mails name the commitment in the reader's language. Optional: a commitment without one is named by its title.
ALTER TABLE commitment ADD COLUMN title_es text CHECK (title_es IS NULL OR length(title_es) BETWEEN 1 AND 200);
