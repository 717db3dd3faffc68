ALTER TABLE `persons` ADD `search_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Persons imported before this migration: SQL cannot fold accents, so their key is
-- what SQLite's lower() gives (ASCII letters lowered, accents kept). A search typed
-- with the name's own accents ("Zoë") still finds them, and the queue also matches
-- the names as before; "Zoe" finds only persons imported from now on, whose key the
-- import writes with worker/shared/search-fold.ts. Not refolded later on purpose:
-- once a person has submitted, the trigger below locks the key with the names, and
-- a key-only rewrite path would be a hole in that lock for a search convenience.
UPDATE `persons` SET `search_key` = lower(`given_names` || ' ' || `family_name`) WHERE `purged_at` IS NULL;
--> statement-breakpoint

-- Migration 0006's identity lock, now covering search_key: the key is a copy of
-- the names, so it changes with them or not at all. Once a person has submitted,
-- who they are (UCI, names and their search key, date of birth, their application
-- and role) and whether they were purged no longer change by a plain UPDATE.
-- Contact and account columns (email, language, acting account) are not identity
-- and stay free. One narrow path is recognised: the retention purge
-- (worker/maintenance/retention.ts), whose single statement sets purged_at (never
-- set before, and only for a person whose card is recorded as mailed) and leaves
-- exactly its shape: at most one character of each name (the initials /verify
-- shows), an empty search key, no date of birth, no email, and the UCI
-- `purged-<id>`. It is audited (`person.purged`, same batch).
-- The officer-accepted identity correction (a later issue) will not update these
-- columns either: the corrected identity will be a new row, inserted with its own
-- search key folded from the corrected names by personSearchKey()
-- (worker/shared/search-fold.ts), that the person then points to; that insert is
-- allowed by its own trigger only when an accepted correction row references it.
-- Until that feature exists, no path but the purge changes a submitted person's
-- identity or search key.
DROP TRIGGER persons_identity_locked_after_submit;
--> statement-breakpoint
CREATE TRIGGER persons_identity_locked_after_submit BEFORE UPDATE ON persons
WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.id)
  AND (
    NEW.id IS NOT OLD.id OR NEW.uci IS NOT OLD.uci OR NEW.given_names IS NOT OLD.given_names
    OR NEW.family_name IS NOT OLD.family_name OR NEW.search_key IS NOT OLD.search_key
    OR NEW.date_of_birth IS NOT OLD.date_of_birth
    OR NEW.application_id IS NOT OLD.application_id OR NEW.role IS NOT OLD.role OR NEW.purged_at IS NOT OLD.purged_at
  )
  AND NOT (
    OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM cards WHERE person_id = OLD.id AND mailed_at IS NOT NULL AND mailed_recorded_at IS NOT NULL)
    AND NEW.id = OLD.id AND NEW.application_id = OLD.application_id AND NEW.role = OLD.role
    AND NEW.uci = 'purged-' || OLD.id AND NEW.date_of_birth = '' AND NEW.email = '' AND NEW.search_key = ''
    AND length(NEW.given_names) <= 1 AND length(NEW.family_name) <= 1
  )
BEGIN
  SELECT RAISE(ABORT, 'identity_locked: a submitted person''s identity never changes');
END;
