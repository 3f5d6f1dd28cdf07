CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`description_html` text NOT NULL,
	`theme_id` integer NOT NULL,
	`target_mask` integer DEFAULT 0 NOT NULL,
	`ideas_from` integer NOT NULL,
	`ideas_until` integer NOT NULL,
	`voting_from` integer,
	`voting_until` integer,
	`outcome` text,
	`outcome_html` text,
	`outcome_published_at` integer,
	`opened_notified_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `campaigns_ideas_from` ON `campaigns` (`ideas_from`);--> statement-breakpoint
CREATE INDEX `campaigns_open_notice` ON `campaigns` (`opened_notified_at`,`ideas_from`);--> statement-breakpoint
CREATE TABLE `idea_helpers` (
	`idea_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `user_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idea_helpers_user` ON `idea_helpers` (`user_id`);--> statement-breakpoint
CREATE TABLE `live_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`idea_id` integer,
	`user_id` integer,
	`value` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `live_events_created` ON `live_events` (`created_at`);--> statement-breakpoint
CREATE TABLE `progress_updates` (
	`id` integer PRIMARY KEY NOT NULL,
	`idea_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`body_html` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `progress_updates_idea` ON `progress_updates` (`idea_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `ideas` ADD `campaign_id` integer REFERENCES campaigns(id);--> statement-breakpoint
CREATE INDEX `ideas_campaign` ON `ideas` (`campaign_id`,`hidden`,`hot_score`,`id`);--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `headers` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `campaign_id` integer REFERENCES campaigns(id);--> statement-breakpoint
ALTER TABLE `notifications` ADD `progress_update_id` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `mailed_at` integer;--> statement-breakpoint
CREATE INDEX `notifications_unmailed` ON `notifications` (`mailed_at`,`user_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `email_frequency` text DEFAULT 'daily' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `last_digest_at` integer;--> statement-breakpoint
-- Notifications from before e-mail existed are not mailed after the fact.
UPDATE `notifications` SET `mailed_at` = `created_at` WHERE `mailed_at` IS NULL;
