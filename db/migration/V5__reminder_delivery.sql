-- Delivery per mail, not per reminder: a reminder goes out as one mail per language, and a retry must not resend
-- the ones the server already took. Recipients the server refused for good are kept for the operator, and which
-- node sent what, so a cluster's share of the work shows.

ALTER TABLE reminder
    ADD COLUMN sent_messages text[] NOT NULL DEFAULT '{}',
    ADD COLUMN rejected      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN claimed_by    text,
    ADD COLUMN sent_by       text;

-- the sending rate is shared by every node: the mails of the last minute are counted from here
CREATE INDEX reminder_sent_at_idx ON reminder (sent_at) WHERE sent_at IS NOT NULL;
