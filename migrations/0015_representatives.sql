CREATE TABLE `representative_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`representative_id` integer NOT NULL,
	`granted_by_account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`licence_body` text,
	`licence_number` text,
	`granted_at` text NOT NULL,
	`revoked_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`representative_id`) REFERENCES `representatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `representative_grants_account_idx` ON `representative_grants` (`granted_by_account_id`);--> statement-breakpoint
CREATE INDEX `representative_grants_representative_idx` ON `representative_grants` (`representative_id`);--> statement-breakpoint
CREATE TABLE `representatives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`language` text NOT NULL,
	`password_hash` text NOT NULL,
	`password_is_temporary` integer DEFAULT 1 NOT NULL,
	`temporary_password_expires_at` text,
	`temporary_password_used_at` text,
	`password_changed_at` text,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `representatives_username_unique` ON `representatives` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `representatives_email_unique` ON `representatives` (`email`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `representative_id` integer REFERENCES representatives(id);--> statement-breakpoint
CREATE INDEX `sessions_representative_idx` ON `sessions` (`representative_id`);--> statement-breakpoint
ALTER TABLE `email_confirmations` ADD `representative_id` integer REFERENCES representatives(id);--> statement-breakpoint

-- A representative's access is the applicant's consent (decision 026): once
-- given, only its revocation is ever written, and a revocation is final (a
-- new invitation is a new grant). The applicant and the officers read the
-- whole history, so no grant is deleted.
CREATE TRIGGER representative_grants_only_revoked BEFORE UPDATE ON representative_grants
WHEN OLD.revoked_at IS NOT NULL
  OR NEW.representative_id IS NOT OLD.representative_id
  OR NEW.granted_by_account_id IS NOT OLD.granted_by_account_id
  OR NEW.kind IS NOT OLD.kind
  OR NEW.licence_body IS NOT OLD.licence_body
  OR NEW.licence_number IS NOT OLD.licence_number
  OR NEW.granted_at IS NOT OLD.granted_at
BEGIN
  SELECT RAISE(ABORT, 'representative_grant_locked: a grant is only ever revoked, once');
END;
--> statement-breakpoint
CREATE TRIGGER representative_grants_never_deleted BEFORE DELETE ON representative_grants
BEGIN
  SELECT RAISE(ABORT, 'representative_grant_locked: grants are kept as the consent''s history');
END;
