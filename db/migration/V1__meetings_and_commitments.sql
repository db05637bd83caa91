-- Meetings, the commitments agreed in them, the agencies that carry them out, and an append-only history.
-- Camunda keeps its own tables in the public schema; ours live in the schema "compromiso".

CREATE TABLE party (
    code    text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name_en text NOT NULL,
    name_es text NOT NULL
);

INSERT INTO party (code, name_en, name_es) VALUES
    ('MX', 'Mexico', 'México'),
    ('US', 'United States', 'Estados Unidos'),
    ('PA', 'Panama', 'Panamá'),
    ('GT', 'Guatemala', 'Guatemala');

-- An agency's code is also its Camunda group id, hence lower-case letters and digits only
-- (Camunda's default group id whitelist).
CREATE TABLE agency (
    code       text PRIMARY KEY CHECK (code ~ '^[a-z0-9]{2,32}$'),
    party      text NOT NULL REFERENCES party,
    short_name text NOT NULL,
    name_en    text NOT NULL,
    name_es    text NOT NULL,
    time_zone  text NOT NULL,
    UNIQUE (code, party)
);

INSERT INTO agency (code, party, short_name, name_en, name_es, time_zone) VALUES
    ('sre',      'MX', 'SRE',       'Ministry of Foreign Affairs', 'Secretaría de Relaciones Exteriores', 'America/Mexico_City'),
    ('segobinm', 'MX', 'SEGOB/INM', 'Ministry of the Interior / National Migration Institute', 'Secretaría de Gobernación / Instituto Nacional de Migración', 'America/Mexico_City'),
    ('sedena',   'MX', 'SEDENA',    'Ministry of National Defense', 'Secretaría de la Defensa Nacional', 'America/Mexico_City'),
    ('semar',    'MX', 'SEMAR',     'Ministry of the Navy', 'Secretaría de Marina', 'America/Mexico_City'),
    ('sspc',     'MX', 'SSPC',      'Ministry of Security and Civilian Protection', 'Secretaría de Seguridad y Protección Ciudadana', 'America/Mexico_City'),
    ('sict',     'MX', 'SICT',      'Ministry of Infrastructure, Communications and Transportation', 'Secretaría de Infraestructura, Comunicaciones y Transportes', 'America/Tijuana'),
    ('state',    'US', 'State',     'Department of State', 'Departamento de Estado', 'America/New_York'),
    ('dhs',      'US', 'DHS',       'Department of Homeland Security', 'Departamento de Seguridad Nacional', 'America/New_York'),
    ('cbp',      'US', 'CBP',       'Customs and Border Protection', 'Oficina de Aduanas y Protección Fronteriza', 'America/Los_Angeles'),
    ('gsa',      'US', 'GSA',       'General Services Administration', 'Administración de Servicios Generales', 'America/Los_Angeles'),
    ('nsc',      'US', 'NSC',       'National Security Council', 'Consejo de Seguridad Nacional', 'America/New_York'),
    ('pamire',   'PA', 'MIRE Panamá', 'Ministry of Foreign Affairs of Panama', 'Ministerio de Relaciones Exteriores de Panamá', 'America/Panama'),
    ('gtminex',  'GT', 'MINEX Guatemala', 'Ministry of Foreign Affairs of Guatemala', 'Ministerio de Relaciones Exteriores de Guatemala', 'America/Guatemala');

CREATE TABLE meeting (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{2,63}$'),
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    held_on    date NOT NULL CHECK (held_on BETWEEN DATE '2000-01-01' AND DATE '2100-12-31'),
    place      text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
    summary    text CHECK (length(summary) <= 4000),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Who sat at the table. Personal data: kept here, never copied into process variables.
CREATE TABLE meeting_delegate (
    meeting_id bigint NOT NULL REFERENCES meeting ON DELETE CASCADE,
    party      text NOT NULL REFERENCES party,
    position   int NOT NULL,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role       text NOT NULL CHECK (length(role) BETWEEN 1 AND 300),
    PRIMARY KEY (meeting_id, party, position)
);

CREATE TABLE meeting_source (
    meeting_id bigint NOT NULL REFERENCES meeting ON DELETE CASCADE,
    document   text NOT NULL CHECK (length(document) BETWEEN 1 AND 200),
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    PRIMARY KEY (meeting_id, document)
);

-- Each kind of agreed action is carried out by one BPMN process in bpmn/.
CREATE TABLE commitment_kind (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,63}$'),
    process_key      text NOT NULL,
    name_en          text NOT NULL,
    name_es          text NOT NULL,
    -- the parties whose lead agency the process assigns tasks to
    required_parties text[] NOT NULL DEFAULT '{}'
);

INSERT INTO commitment_kind (code, process_key, name_en, name_es, required_parties) VALUES
    ('darien-joint-visit', 'DarienJointVisit', 'Joint visit to the Darién', 'Visita conjunta al Darién', '{MX,US,PA}'),
    ('otay-crossing',      'OtayCrossingModernization', 'Border crossing modernization', 'Modernización de cruce fronterizo', '{MX,US}'),
    ('next-meeting',       'NextBilateralMeeting', 'Next bilateral meeting', 'Próxima reunión bilateral', '{MX,US}'),
    ('agreed-action',      'AgreedAction', 'Agreed action', 'Acción acordada', '{}');

CREATE TABLE commitment (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{2,63}$'),
    meeting_id          bigint NOT NULL REFERENCES meeting,
    title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description         text CHECK (length(description) <= 4000),
    kind                text NOT NULL REFERENCES commitment_kind,
    target_date         date CHECK (target_date BETWEEN DATE '2000-01-01' AND DATE '2100-12-31'),
    target_basis        text CHECK (length(target_basis) <= 1000),
    continuing          boolean NOT NULL DEFAULT false,
    priority            text NOT NULL DEFAULT 'normal' CHECK (priority IN ('high', 'normal', 'low')),
    source_document     text NOT NULL CHECK (length(source_document) BETWEEN 1 AND 200),
    quote               text NOT NULL CHECK (length(quote) BETWEEN 1 AND 2000),
    quote_language      text NOT NULL CHECK (quote_language IN ('en', 'es')),
    lifecycle           text NOT NULL DEFAULT 'open'
                        CHECK (lifecycle IN ('open', 'done', 'not_implemented', 'cancelled')),
    lifecycle_reason    text CHECK (length(lifecycle_reason) <= 2000),
    process_instance_id text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    -- closing without doing it, or cancelling, must say why
    CHECK (lifecycle NOT IN ('not_implemented', 'cancelled') OR length(trim(lifecycle_reason)) > 0),
    -- a discrete commitment has a target date; a continuing one may not
    CHECK (continuing OR target_date IS NOT NULL)
);

CREATE INDEX commitment_meeting_idx ON commitment (meeting_id);
CREATE INDEX commitment_process_idx ON commitment (process_instance_id);

-- A target date before the meeting that agreed it is a typing error.
CREATE FUNCTION commitment_target_after_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.target_date IS NOT NULL
       AND NEW.target_date < (SELECT held_on FROM meeting WHERE id = NEW.meeting_id) THEN
        RAISE EXCEPTION 'target date % is before the meeting', NEW.target_date
            USING ERRCODE = 'check_violation', CONSTRAINT = 'commitment_target_after_meeting';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER commitment_target_after_meeting
    BEFORE INSERT OR UPDATE OF target_date, meeting_id ON commitment
    FOR EACH ROW EXECUTE FUNCTION commitment_target_after_meeting();

CREATE TABLE commitment_agency (
    commitment_id bigint NOT NULL REFERENCES commitment ON DELETE CASCADE,
    agency        text NOT NULL,
    party         text NOT NULL,
    role          text NOT NULL CHECK (role IN ('lead', 'contributor')),
    PRIMARY KEY (commitment_id, agency),
    FOREIGN KEY (agency, party) REFERENCES agency (code, party)
);

-- one lead agency per party and commitment
CREATE UNIQUE INDEX commitment_lead_per_party ON commitment_agency (commitment_id, party) WHERE role = 'lead';
CREATE INDEX commitment_agency_agency_idx ON commitment_agency (agency);

-- Every change to a commitment: who, when, what, why, and through which surface. Never updated or deleted.
CREATE TABLE commitment_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    commitment_id bigint NOT NULL REFERENCES commitment,
    at            timestamptz NOT NULL DEFAULT now(),
    actor         text NOT NULL,
    surface       text NOT NULL CHECK (surface IN ('api', 'catalog', 'tasklist', 'engine', 'system')),
    action        text NOT NULL,
    detail        jsonb NOT NULL DEFAULT '{}'::jsonb,
    reason        text
);

CREATE INDEX commitment_history_commitment_idx ON commitment_history (commitment_id, at);

CREATE FUNCTION commitment_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'commitment_history is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER commitment_history_append_only
    BEFORE UPDATE OR DELETE ON commitment_history
    FOR EACH STATEMENT EXECUTE FUNCTION commitment_history_append_only();
