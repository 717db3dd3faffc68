CREATE TABLE `ecopr_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`field` text NOT NULL,
	`correct_value` text NOT NULL,
	`evidence_object_key` text,
	`evidence_format` text,
	`requested_by_account_id` integer NOT NULL,
	`requested_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by_officer_id` integer,
	`decided_at` text,
	`refusal_reason` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ecopr_corrections_field_check" CHECK("ecopr_corrections"."field" in ('given_names','family_name','date_of_birth','uci')),
	CONSTRAINT "ecopr_corrections_status_check" CHECK("ecopr_corrections"."status" in ('pending','accepted','refused'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ecopr_corrections_evidence_object_key_unique` ON `ecopr_corrections` (`evidence_object_key`);--> statement-breakpoint
CREATE INDEX `ecopr_corrections_person_idx` ON `ecopr_corrections` (`person_id`);--> statement-breakpoint
CREATE INDEX `ecopr_corrections_status_idx` ON `ecopr_corrections` (`status`,`requested_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `ecopr_corrections_one_pending` ON `ecopr_corrections` (`person_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE TABLE `person_identities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`correction_id` integer NOT NULL,
	`uci` text NOT NULL,
	`given_names` text NOT NULL,
	`family_name` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`correction_id`) REFERENCES `ecopr_corrections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_identities_correction_id_unique` ON `person_identities` (`correction_id`);--> statement-breakpoint
CREATE INDEX `person_identities_person_idx` ON `person_identities` (`person_id`,`id`);--> statement-breakpoint
ALTER TABLE `documents` ADD `identity_id` integer;--> statement-breakpoint
-- Decision 027. An officer's decision on a correction is final: a decided row never changes again.
CREATE TRIGGER ecopr_corrections_decided_final BEFORE UPDATE ON ecopr_corrections
WHEN OLD.status <> 'pending'
BEGIN
  SELECT RAISE(ABORT, 'correction_decided: a decided correction never changes');
END;
--> statement-breakpoint
-- A pending report changes only by its decision: what the person asked stays as they sent it, the
-- decision names its officer and time, and a refusal carries a reason (an acceptance none).
CREATE TRIGGER ecopr_corrections_request_fixed BEFORE UPDATE ON ecopr_corrections
WHEN OLD.status = 'pending' AND (
  NEW.id IS NOT OLD.id OR NEW.person_id IS NOT OLD.person_id OR NEW.document_id IS NOT OLD.document_id
  OR NEW.field IS NOT OLD.field OR NEW.correct_value IS NOT OLD.correct_value
  OR NEW.evidence_object_key IS NOT OLD.evidence_object_key OR NEW.evidence_format IS NOT OLD.evidence_format
  OR NEW.requested_by_account_id IS NOT OLD.requested_by_account_id OR NEW.requested_at IS NOT OLD.requested_at
  OR NEW.status NOT IN ('accepted', 'refused') OR NEW.decided_by_officer_id IS NULL OR NEW.decided_at IS NULL
  OR (NEW.status = 'refused' AND length(trim(coalesce(NEW.refusal_reason, ''))) = 0)
  OR (NEW.status = 'accepted' AND NEW.refusal_reason IS NOT NULL)
)
BEGIN
  SELECT RAISE(ABORT, 'correction_fixed: a correction changes only by an officer''s decision');
END;
--> statement-breakpoint
-- Kept as the record of what was asked and decided, until the retention purge (which sets
-- persons.purged_at first in its batch) erases the person's data.
CREATE TRIGGER ecopr_corrections_never_delete BEFORE DELETE ON ecopr_corrections
WHEN NOT EXISTS (SELECT 1 FROM persons WHERE id = OLD.person_id AND purged_at IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'correction_kept: a correction is deleted only by the retention purge');
END;
--> statement-breakpoint
-- A corrected identity is a record: never changed; a later correction is a newer row.
CREATE TRIGGER person_identities_never_update BEFORE UPDATE ON person_identities
BEGIN
  SELECT RAISE(ABORT, 'identity_locked: a corrected identity never changes; a new correction is a new row');
END;
--> statement-breakpoint
CREATE TRIGGER person_identities_never_delete BEFORE DELETE ON person_identities
WHEN NOT EXISTS (SELECT 1 FROM persons WHERE id = OLD.person_id AND purged_at IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'identity_locked: a corrected identity is deleted only by the retention purge');
END;
--> statement-breakpoint
-- The one way a corrected identity comes to be (migration 0006 announced it): an accepted correction
-- of this person references it, and the corrected field holds the value the person asked for.
CREATE TRIGGER person_identities_from_accepted_correction BEFORE INSERT ON person_identities
WHEN NOT EXISTS (
  SELECT 1 FROM ecopr_corrections c
  WHERE c.id = NEW.correction_id AND c.person_id = NEW.person_id AND c.status = 'accepted'
    AND (
      (c.field = 'given_names' AND NEW.given_names = c.correct_value)
      OR (c.field = 'family_name' AND NEW.family_name = c.correct_value)
      OR (c.field = 'date_of_birth' AND NEW.date_of_birth = c.correct_value)
      OR (c.field = 'uci' AND NEW.uci = c.correct_value)
    )
)
BEGIN
  SELECT RAISE(ABORT, 'identity_locked: a corrected identity needs an accepted correction of this person');
END;
--> statement-breakpoint
-- An e-CoPR prints a corrected identity of its own person only.
CREATE TRIGGER documents_identity_same_person BEFORE INSERT ON documents
WHEN NEW.identity_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM person_identities WHERE id = NEW.identity_id AND person_id = NEW.person_id)
BEGIN
  SELECT RAISE(ABORT, 'document_identity: an e-CoPR prints an identity of its own person');
END;
