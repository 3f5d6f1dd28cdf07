CREATE TABLE `idea_assignments` (
	`id` integer PRIMARY KEY NOT NULL,
	`idea_id` integer NOT NULL,
	`from_department_id` integer,
	`to_department_id` integer,
	`from_assignee_id` integer,
	`to_assignee_id` integer,
	`actor_id` integer,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`to_assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `idea_assignments_idea` ON `idea_assignments` (`idea_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `idea_notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`idea_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `idea_notes_idea` ON `idea_notes` (`idea_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`idea_id` integer,
	`status_change_id` integer,
	`comment_id` integer,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`status_change_id`) REFERENCES `status_changes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_unread` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`reporter_id` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolution` text,
	`resolver_id` integer,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_one_per_reporter` ON `reports` (`subject_type`,`subject_id`,`reporter_id`);--> statement-breakpoint
CREATE INDEX `reports_open` ON `reports` (`resolved_at`,`created_at`);--> statement-breakpoint
ALTER TABLE `comments` ADD `hidden_reason` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `hidden_reason` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `assignee_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `ideas` ADD `first_response_at` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `last_public_update_at` integer;--> statement-breakpoint
CREATE INDEX `ideas_unanswered` ON `ideas` (`hidden`,`first_response_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_department_queue` ON `ideas` (`department_id`,`first_response_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_assignee_queue` ON `ideas` (`assignee_id`,`first_response_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_stale` ON `ideas` (`status`,`last_public_update_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `department_id` integer REFERENCES departments(id);--> statement-breakpoint
-- Ideas that already had answers: when the first and the last public answer were given.
UPDATE `ideas` SET
	`first_response_at` = (
		SELECT min(t) FROM (
			SELECT min(`created_at`) AS t FROM `status_changes` WHERE `idea_id` = `ideas`.`id`
			UNION ALL
			SELECT min(`created_at`) FROM `comments` WHERE `idea_id` = `ideas`.`id` AND `official` = 1
		)
	),
	`last_public_update_at` = (
		SELECT max(t) FROM (
			SELECT max(`created_at`) AS t FROM `status_changes` WHERE `idea_id` = `ideas`.`id`
			UNION ALL
			SELECT max(`created_at`) FROM `comments` WHERE `idea_id` = `ideas`.`id` AND `official` = 1
		)
	);
