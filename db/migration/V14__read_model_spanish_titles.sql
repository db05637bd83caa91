-- The reports name a commitment in the reader's language (issue 21): the read model shows the Spanish title too.
-- A view may gain columns at its end; the others stay as V12 named them.
CREATE OR REPLACE VIEW commitment_read AS
    SELECT id, code, meeting_id, title, kind, target_date, continuing, quote, source_document,
           process_instance_id, created_at, title_es
    FROM commitment;
