DROP INDEX `ideas_unanswered`;--> statement-breakpoint
CREATE INDEX `ideas_unanswered` ON `ideas` (`hidden`,`first_response_at`,`created_at`,`status`,`theme_id`,`author_group`);