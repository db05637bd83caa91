-- The read model: what the reports read of the tables of other modules. Each view belongs to the module that
-- owns its table (README, Architecture: read model) and names the columns it exposes, so a migration that drops
-- or retypes one of them fails here, at start-up, not in a report in production. A renamed column keeps its
-- name in the view. Simple views: PostgreSQL plans through them as through the tables.

-- meetings
CREATE VIEW meeting_read AS
    SELECT id, code, held_on FROM meeting;

-- commitments
CREATE VIEW commitment_read AS
    SELECT id, code, meeting_id, title, kind, target_date, continuing, quote, source_document,
           process_instance_id, created_at
    FROM commitment;

CREATE VIEW commitment_agency_read AS
    SELECT commitment_id, agency, party, role FROM commitment_agency;

CREATE VIEW commitment_history_read AS
    SELECT id, commitment_id, at, action, detail FROM commitment_history;

CREATE VIEW assessment_read AS
    SELECT id, commitment_id, period, party, score, rationale, at FROM assessment;

CREATE VIEW status_override_read AS
    SELECT id, commitment_id, status, comment, at FROM status_override;
