-- The read model (V12) gains each kind's process: a report names the steps of a done commitment whose process's
-- history the engine has removed (its time-to-live passed) from the latest model of its kind's process.
CREATE VIEW commitment_kind_read AS
    SELECT code, process_key FROM commitment_kind;
