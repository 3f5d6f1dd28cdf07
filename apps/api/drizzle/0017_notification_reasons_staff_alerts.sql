CREATE TABLE `staff_alerts` (
	`idea_id` integer NOT NULL,
	`kind` text NOT NULL,
	`since` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `kind`, `since`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD `reason` text;