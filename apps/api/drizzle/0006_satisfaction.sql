CREATE TABLE `followup_answers` (
	`id` integer PRIMARY KEY NOT NULL,
	`idea_id` integer NOT NULL,
	`user_id` integer,
	`answer` text NOT NULL,
	`remark` text,
	`rater_group` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `followup_one_per_person` ON `followup_answers` (`idea_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `followup_user` ON `followup_answers` (`user_id`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY NOT NULL,
	`idea_id` integer NOT NULL,
	`user_id` integer,
	`occasion_type` text NOT NULL,
	`occasion_id` integer NOT NULL,
	`score` integer NOT NULL,
	`remark` text,
	`rater_group` text,
	`rater_district_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_one_per_occasion` ON `ratings` (`occasion_type`,`occasion_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `ratings_idea` ON `ratings` (`idea_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ratings_user` ON `ratings` (`user_id`);--> statement-breakpoint
CREATE TABLE `stats_counters` (
	`theme_id` integer NOT NULL,
	`month` text NOT NULL,
	`target_group` text NOT NULL,
	`metric` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `theme_id`, `target_group`, `metric`)
);
--> statement-breakpoint
ALTER TABLE `ideas` ADD `author_group` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `response_due_at` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `first_response_working_days` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `done_at` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `followup_asked_at` integer;--> statement-breakpoint
CREATE INDEX `ideas_followup_due` ON `ideas` (`followup_asked_at`,`done_at`);--> statement-breakpoint
CREATE INDEX `status_changes_to` ON `status_changes` (`to_status`,`created_at`);--> statement-breakpoint
UPDATE `ideas` SET
	`author_group` = (SELECT `target_group` FROM `users` WHERE `users`.`id` = `ideas`.`author_id`),
	`done_at` = (SELECT max(`created_at`) FROM `status_changes` WHERE `idea_id` = `ideas`.`id` AND `to_status` = 'done');
