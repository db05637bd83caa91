-- Which node's timer wrote each reminder, beside the node that sent it (sent_by): the deadline processes keep no
-- engine history, so the engine's job log no longer says which node ran a reminder's job.
ALTER TABLE reminder ADD COLUMN fired_by text;
