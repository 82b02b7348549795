-- A removal report may carry one photo (the bare pole, the empty wall), sent by the passer-by right
-- after the report with the report's private token. The photo is seen only by the moderators of the
-- camera's territory and erased, files included, as soon as they decide: it serves the decision and
-- nothing after it.
ALTER TABLE removal_report ADD COLUMN token_hash bytea;

ALTER TABLE photo ADD COLUMN removal_report_id bigint REFERENCES removal_report (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX photo_removal_report_idx ON photo (removal_report_id)
    WHERE removal_report_id IS NOT NULL;
