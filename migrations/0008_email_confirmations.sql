CREATE TABLE `confirmed_email_addresses` (
	`email` text PRIMARY KEY NOT NULL,
	`how` text NOT NULL,
	`confirmed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `email_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`account_id` integer,
	`expires_at` text NOT NULL,
	`confirmed_at` text,
	`superseded_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_confirmations_token_hash_unique` ON `email_confirmations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `email_confirmations_email_idx` ON `email_confirmations` (`email`);--> statement-breakpoint
CREATE INDEX `email_confirmations_account_idx` ON `email_confirmations` (`account_id`);--> statement-breakpoint
-- Any password a person sets (first password, change, reset by link) ends
-- every other unused reset link of the account: an older link must not reset
-- the password again after a newer one was used or the password changed.
-- Keyed on password_changed_at, which only a chosen password sets (a rehash
-- at sign-in changes password_hash alone and leaves the links).
CREATE TRIGGER password_change_retires_reset_links AFTER UPDATE OF password_changed_at ON accounts
WHEN NEW.password_changed_at IS NOT OLD.password_changed_at
BEGIN
  UPDATE password_reset_tokens SET used_at = NEW.password_changed_at WHERE account_id = NEW.id AND used_at IS NULL;
END;
--> statement-breakpoint
-- Addresses already proven before this rule: the owner signed in with the
-- password emailed there and chose their own.
INSERT OR IGNORE INTO confirmed_email_addresses (email, how, confirmed_at)
SELECT lower(email), 'account_in_use', min(password_changed_at) FROM accounts
WHERE password_is_temporary = 0 AND password_changed_at IS NOT NULL
GROUP BY lower(email);
