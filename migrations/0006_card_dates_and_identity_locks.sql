ALTER TABLE `cards` ADD `mailed_recorded_at` text;--> statement-breakpoint
-- Cards mailed before the column existed: their row's last change is the best known recording time.
UPDATE `cards` SET `mailed_recorded_at` = `updated_at` WHERE `mailed_at` IS NOT NULL;
--> statement-breakpoint

-- A recorded mailed date (and when it was recorded, which starts the retention
-- purge's grace period) changes only through a supervisor's correction
-- (correctMailedDate in worker/data/photo-decisions.ts): its batch first
-- appends the audit row naming the old date, the new one and a reason, then
-- updates the card. So the change must follow, as the newest audit row, a
-- supervisor's `card.mailed_corrected` entry for this person and these dates.
CREATE TRIGGER cards_mailed_on_locked BEFORE UPDATE ON cards
WHEN OLD.mailed_at IS NOT NULL
  AND (NEW.mailed_at IS NOT OLD.mailed_at OR NEW.mailed_recorded_at IS NOT OLD.mailed_recorded_at OR NEW.person_id IS NOT OLD.person_id)
  AND NOT EXISTS (
    SELECT 1 FROM audit_log a
    WHERE a.id = (SELECT max(id) FROM audit_log)
      AND a.action = 'card.mailed_corrected' AND a.actor_kind = 'officer'
      AND a.subject_kind = 'person' AND a.subject_id = CAST(OLD.person_id AS TEXT)
      AND NEW.person_id = OLD.person_id
      AND json_extract(a.details_json, '$.from') = OLD.mailed_at
      AND json_extract(a.details_json, '$.to') = NEW.mailed_at
      AND length(trim(coalesce(json_extract(a.details_json, '$.reason'), ''))) > 0
      AND EXISTS (SELECT 1 FROM officers o WHERE o.id = CAST(a.actor_id AS INTEGER) AND o.role = 'supervisor')
  )
BEGIN
  SELECT RAISE(ABORT, 'card_mailed_locked: a recorded mailed date changes only by an audited supervisor correction');
END;
--> statement-breakpoint
CREATE TRIGGER cards_never_delete_after_mailed BEFORE DELETE ON cards
WHEN OLD.mailed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'card_mailed_locked: a mailed card is never deleted');
END;
--> statement-breakpoint

-- An issued e-CoPR is a record: its row never changes and is never deleted.
-- A reissue is a new row. The retention purge keeps the row (its /verify code
-- still answers, with the initials left on the person) and deletes only the
-- PDF object in R2, so no path needs to change or delete a row.
CREATE TRIGGER documents_never_update BEFORE UPDATE ON documents
BEGIN
  SELECT RAISE(ABORT, 'document_immutable: an issued e-CoPR never changes; a reissue is a new row');
END;
--> statement-breakpoint
CREATE TRIGGER documents_never_delete BEFORE DELETE ON documents
BEGIN
  SELECT RAISE(ABORT, 'document_immutable: an issued e-CoPR is never deleted');
END;
--> statement-breakpoint

-- Once a person has submitted, who they are (UCI, names, date of birth, their
-- application and role) and whether they were purged no longer change by a
-- plain UPDATE. Contact and account columns (email, language, acting account)
-- are not identity and stay free. One narrow path is recognised: the
-- retention purge (worker/maintenance/retention.ts), whose single statement
-- sets purged_at (never set before, and only for a person whose card is
-- recorded as mailed) and leaves exactly its shape: at most one character of
-- each name (the initials /verify shows), no date of birth, no email, and
-- the UCI `purged-<id>`. It is audited (`person.purged`, same batch).
-- The officer-accepted identity correction (a later issue) will not update
-- these columns either: the corrected identity will be a new row that the
-- person then points to, allowed by its own trigger only when an accepted
-- correction row references it; until that feature exists, no path but the
-- purge changes a submitted person's identity.
CREATE TRIGGER persons_identity_locked_after_submit BEFORE UPDATE ON persons
WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.id)
  AND (
    NEW.id IS NOT OLD.id OR NEW.uci IS NOT OLD.uci OR NEW.given_names IS NOT OLD.given_names
    OR NEW.family_name IS NOT OLD.family_name OR NEW.date_of_birth IS NOT OLD.date_of_birth
    OR NEW.application_id IS NOT OLD.application_id OR NEW.role IS NOT OLD.role OR NEW.purged_at IS NOT OLD.purged_at
  )
  AND NOT (
    OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM cards WHERE person_id = OLD.id AND mailed_at IS NOT NULL AND mailed_recorded_at IS NOT NULL)
    AND NEW.id = OLD.id AND NEW.application_id = OLD.application_id AND NEW.role = OLD.role
    AND NEW.uci = 'purged-' || OLD.id AND NEW.date_of_birth = '' AND NEW.email = ''
    AND length(NEW.given_names) <= 1 AND length(NEW.family_name) <= 1
  )
BEGIN
  SELECT RAISE(ABORT, 'identity_locked: a submitted person''s identity never changes');
END;
--> statement-breakpoint
CREATE TRIGGER persons_never_delete_after_submit BEFORE DELETE ON persons
WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'identity_locked: a submitted person is never deleted');
END;
--> statement-breakpoint

-- Migration 0005 let a submitted address be deleted as soon as purged_at was
-- set. Narrowed to the purge's own shape: the person is purged AND every
-- submission's address snapshot is already emptied (the purge empties them
-- first in its batch, then deletes the address row).
DROP TRIGGER address_locked_after_submit_delete;
--> statement-breakpoint
CREATE TRIGGER address_locked_after_submit_delete BEFORE DELETE ON addresses
WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.person_id)
  AND NOT (
    (SELECT purged_at FROM persons WHERE id = OLD.person_id) IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.person_id AND address_json <> '{}')
  )
BEGIN
  SELECT RAISE(ABORT, 'submitted_locked: the address was submitted and cannot change');
END;
