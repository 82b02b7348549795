-- A moderator covering parts of a photo (a face, a plate, a window) is logged like its erasure.
ALTER TABLE moderation_action DROP CONSTRAINT moderation_action_action_check;
ALTER TABLE moderation_action ADD CONSTRAINT moderation_action_action_check
    CHECK (action IN ('approve', 'reject', 'edit', 'merge', 'revert', 'import', 'delete_photo',
                      'remove', 'move', 'reject_removal', 'redact_photo'));
