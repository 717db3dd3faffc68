-- Invariants that must hold whatever the code does (design: "Invariants ...
-- live in the database"). Each trigger aborts the statement, and with it the
-- whole db.batch it belongs to, so nothing is half-written.

-- A submission is a frozen snapshot: it is never changed or removed.
CREATE TRIGGER submissions_never_update BEFORE UPDATE ON submissions
BEGIN
  SELECT RAISE(ABORT, 'submission_immutable: a submitted submission never changes');
END;
--> statement-breakpoint
CREATE TRIGGER submissions_never_delete BEFORE DELETE ON submissions
BEGIN
  SELECT RAISE(ABORT, 'submission_immutable: a submitted submission is never deleted');
END;
--> statement-breakpoint

-- Officer decisions are a record: appended, never edited.
CREATE TRIGGER review_decisions_never_update BEFORE UPDATE ON review_decisions
BEGIN
  SELECT RAISE(ABORT, 'decision_immutable: a review decision never changes');
END;
--> statement-breakpoint
CREATE TRIGGER review_decisions_never_delete BEFORE DELETE ON review_decisions
BEGIN
  SELECT RAISE(ABORT, 'decision_immutable: a review decision is never deleted');
END;
--> statement-breakpoint

-- The audit log is append-only.
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_append_only: the audit log cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_append_only: the audit log cannot be deleted from');
END;
--> statement-breakpoint

-- Once a person has submitted, their declaration and address are locked.
CREATE TRIGGER presence_locked_after_submit_update BEFORE UPDATE ON presence_declarations
WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.person_id)
BEGIN
  SELECT RAISE(ABORT, 'submitted_locked: the presence declaration was submitted and cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER presence_locked_after_submit_delete BEFORE DELETE ON presence_declarations
WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.person_id)
BEGIN
  SELECT RAISE(ABORT, 'submitted_locked: the presence declaration was submitted and cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER address_locked_after_submit_update BEFORE UPDATE ON addresses
WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.person_id)
BEGIN
  SELECT RAISE(ABORT, 'submitted_locked: the address was submitted and cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER address_locked_after_submit_delete BEFORE DELETE ON addresses
WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.person_id)
BEGIN
  SELECT RAISE(ABORT, 'submitted_locked: the address was submitted and cannot change');
END;
--> statement-breakpoint

-- A photo that has left the draft state is evidence: its bytes, checks and
-- acknowledgement never change; only an officer's decision moves a
-- submitted photo to accepted or returned.
CREATE TRIGGER photos_locked_after_submit BEFORE UPDATE ON photos
WHEN OLD.state <> 'draft' AND NOT (
  OLD.state = 'submitted' AND NEW.state IN ('accepted', 'returned')
  AND NEW.object_key = OLD.object_key AND NEW.checks_json = OLD.checks_json
  AND NEW.warnings_acknowledged = OLD.warnings_acknowledged AND NEW.person_id = OLD.person_id
)
BEGIN
  SELECT RAISE(ABORT, 'submitted_locked: a submitted photo cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER photos_never_delete_after_submit BEFORE DELETE ON photos
WHEN OLD.state NOT IN ('draft', 'replaced')
BEGIN
  SELECT RAISE(ABORT, 'submitted_locked: a submitted photo cannot be deleted');
END;
