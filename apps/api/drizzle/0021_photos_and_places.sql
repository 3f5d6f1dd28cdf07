CREATE TABLE `photo_files` (
	`key` text PRIMARY KEY NOT NULL,
	`photo_id` integer NOT NULL,
	`format` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`size` integer NOT NULL,
	`data` blob,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `photo_files_photo` ON `photo_files` (`photo_id`,`format`,`width`);--> statement-breakpoint
CREATE TABLE `photos` (
	`id` integer PRIMARY KEY NOT NULL,
	`idea_id` integer NOT NULL,
	`uploader_id` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`alt_text` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`hidden` integer DEFAULT 0 NOT NULL,
	`hidden_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `photos_idea` ON `photos` (`idea_id`,`position`,`id`);--> statement-breakpoint
CREATE INDEX `photos_uploader` ON `photos` (`uploader_id`);--> statement-breakpoint
ALTER TABLE `districts` ADD `boundary` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `ideas` ADD `longitude` real;--> statement-breakpoint
ALTER TABLE `ideas` ADD `place_label` text;--> statement-breakpoint
CREATE INDEX `ideas_on_map` ON `ideas` (`hidden`,`id`) WHERE "ideas"."latitude" is not null;