ALTER TABLE `officers` ADD `initial_password_issued_at` text;--> statement-breakpoint
ALTER TABLE `officers` ADD `initial_password_used_at` text;