-- Reminders and escalations: the outbox the deadline process writes to and the sender drains, and the log of
-- what was sent ('dropped': the task ended before its reminder went out). One row per task, rule and due date: a failed send retries the same row, never a new one.

CREATE TABLE reminder (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id             text NOT NULL,
    task_name           text NOT NULL,
    process_instance_id text NOT NULL,
    commitment_code     text,
    rule                text NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('reminder', 'escalation')),
    due_at              timestamptz NOT NULL,
    fire_at             timestamptz NOT NULL,
    -- fixed when the row is written, so a resend after a crash carries the same Message-ID
    message_id          text NOT NULL UNIQUE,
    state               text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
    attempts            int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    claimed_until       timestamptz,
    recipients          text[] NOT NULL DEFAULT '{}',
    without_email       text[] NOT NULL DEFAULT '{}',
    last_error          text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    CONSTRAINT reminder_once_per_rule UNIQUE (task_id, rule, due_at),
    CHECK (state <> 'sent' OR sent_at IS NOT NULL)
);

CREATE INDEX reminder_due_idx ON reminder (next_attempt_at) WHERE state = 'pending';
CREATE INDEX reminder_commitment_idx ON reminder (commitment_code);

-- A private calendar feed per user: the token in the URL is the only credential a calendar app can carry.
CREATE TABLE calendar_feed (
    user_id    text PRIMARY KEY,
    token      text NOT NULL UNIQUE CHECK (length(token) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
