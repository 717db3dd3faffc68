CREATE TABLE `representative_reset_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`representative_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`representative_id`) REFERENCES `representatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `representative_reset_tokens_token_hash_unique` ON `representative_reset_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `representative_reset_tokens_representative_idx` ON `representative_reset_tokens` (`representative_id`);--> statement-breakpoint
ALTER TABLE `representative_grants` ADD `revoked_reason` text;--> statement-breakpoint

-- A representative's chosen password ends every other unused reset link of theirs, as migration
-- 0008's trigger does for applicants' accounts: an older link must not reset the password again
-- after a newer one was used or the password changed.
CREATE TRIGGER representative_password_change_retires_reset_links AFTER UPDATE OF password_changed_at ON representatives
WHEN NEW.password_changed_at IS NOT OLD.password_changed_at
BEGIN
  UPDATE representative_reset_tokens SET used_at = NEW.password_changed_at WHERE representative_id = NEW.id AND used_at IS NULL;
END;
--> statement-breakpoint
-- A grant's reason is written with its revocation, never alone (migration 0015's trigger already
-- refuses any change once revoked_at is set, so the reason is then final too).
CREATE TRIGGER representative_grants_reason_with_revocation BEFORE UPDATE ON representative_grants
WHEN NEW.revoked_reason IS NOT NULL AND NEW.revoked_at IS NULL
BEGIN
  SELECT RAISE(ABORT, 'representative_grant_locked: a reason is written only with the revocation');
END;
