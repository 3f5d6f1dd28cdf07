DROP INDEX `comments_idea`;--> statement-breakpoint
CREATE INDEX `comments_parent` ON `comments` (`parent_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `comments_idea` ON `comments` (`idea_id`,`parent_id`,`created_at`,`id`);