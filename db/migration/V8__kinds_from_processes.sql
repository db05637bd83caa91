-- A kind is declared by the process that serves it (extension properties kind.code, kind.name.en, ...) and
-- registered when that process is deployed: which version registered it last, and when.
ALTER TABLE commitment_kind
    ADD COLUMN process_version int,
    ADD COLUMN registered_at   timestamptz NOT NULL DEFAULT now();
