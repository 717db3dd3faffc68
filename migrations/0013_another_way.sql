CREATE TABLE `another_way_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`officer_id` integer NOT NULL,
	`photo_id` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `another_way_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `another_way_outcomes_request_idx` ON `another_way_outcomes` (`request_id`);--> statement-breakpoint
CREATE TABLE `another_way_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`reason` text NOT NULL,
	`requested_by_account_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `another_way_requests_open_idx` ON `another_way_requests` (`closed_at`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `another_way_requests_one_open` ON `another_way_requests` (`person_id`,`kind`) WHERE closed_at is null;--> statement-breakpoint
ALTER TABLE `photos` ADD `uploaded_by_officer_id` integer REFERENCES officers(id);--> statement-breakpoint
ALTER TABLE `photos` ADD `exception_reason` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `exception_explanation` text;--> statement-breakpoint
-- Decision 028: the exception's reason and explanation are part of the evidence the officer decided on,
-- like the checks and the acknowledgement, so a submitted photo's never change either; who uploaded it
-- neither. The one exception is the retention purge, which empties the explanation (health or religious
-- details) once the person is purged (it sets persons.purged_at first, in the same batch).
DROP TRIGGER photos_locked_after_submit;
--> statement-breakpoint
CREATE TRIGGER photos_locked_after_submit BEFORE UPDATE ON photos
WHEN OLD.state <> 'draft' AND NOT (
  OLD.state = 'submitted' AND NEW.state IN ('accepted', 'returned')
  AND NEW.object_key = OLD.object_key AND NEW.checks_json = OLD.checks_json
  AND NEW.warnings_acknowledged = OLD.warnings_acknowledged AND NEW.person_id = OLD.person_id
  AND NEW.exception_reason IS OLD.exception_reason AND NEW.exception_explanation IS OLD.exception_explanation
  AND NEW.uploaded_by_officer_id IS OLD.uploaded_by_officer_id
) AND NOT (
  NEW.exception_explanation = '' AND EXISTS (SELECT 1 FROM persons WHERE id = OLD.person_id AND purged_at IS NOT NULL)
  AND NEW.state = OLD.state AND NEW.object_key = OLD.object_key AND NEW.checks_json = OLD.checks_json
  AND NEW.warnings_acknowledged = OLD.warnings_acknowledged AND NEW.person_id = OLD.person_id
  AND NEW.exception_reason IS OLD.exception_reason AND NEW.uploaded_by_officer_id IS OLD.uploaded_by_officer_id
)
BEGIN
  SELECT RAISE(ABORT, 'submitted_locked: a submitted photo cannot change');
END;
--> statement-breakpoint
-- An outcome is a record of what was done and emailed: never changed or removed.
CREATE TRIGGER another_way_outcomes_append_only_update BEFORE UPDATE ON another_way_outcomes
BEGIN
  SELECT RAISE(ABORT, 'append_only: an outcome cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER another_way_outcomes_append_only_delete BEFORE DELETE ON another_way_outcomes
BEGIN
  SELECT RAISE(ABORT, 'append_only: an outcome cannot be deleted');
END;
