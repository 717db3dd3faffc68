CREATE TABLE `public_figures` (
	`day` text PRIMARY KEY NOT NULL,
	`figures_json` text NOT NULL,
	`computed_at` text NOT NULL
);
