ALTER TABLE `persons` ADD `purged_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `delivery_lease_until` text;--> statement-breakpoint
-- The retention purge (worker/maintenance/retention.ts) erases personal data
-- a configured time after the card was mailed. It first sets
-- persons.purged_at, in the same batch; only then may a submission's address
-- snapshot be emptied and the locked address row be deleted. Nothing else
-- about a submission may change, purged or not.
DROP TRIGGER submissions_never_update;
--> statement-breakpoint
CREATE TRIGGER submissions_never_update BEFORE UPDATE ON submissions
WHEN NOT (
  NEW.address_json = '{}'
  AND (SELECT purged_at FROM persons WHERE id = OLD.person_id) IS NOT NULL
  AND NEW.id = OLD.id AND NEW.person_id = OLD.person_id AND NEW.reference = OLD.reference
  AND NEW.kind = OLD.kind AND NEW.photo_id = OLD.photo_id AND NEW.declaration_id = OLD.declaration_id
  AND NEW.submitted_by_account_id = OLD.submitted_by_account_id AND NEW.submitted_at = OLD.submitted_at
)
BEGIN
  SELECT RAISE(ABORT, 'submission_immutable: a submitted submission never changes');
END;
--> statement-breakpoint
DROP TRIGGER address_locked_after_submit_delete;
--> statement-breakpoint
CREATE TRIGGER address_locked_after_submit_delete BEFORE DELETE ON addresses
WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.person_id)
  AND (SELECT purged_at FROM persons WHERE id = OLD.person_id) IS NULL
BEGIN
  SELECT RAISE(ABORT, 'submitted_locked: the address was submitted and cannot change');
END;
