-- The full filter combination carries every sort key (decision 010): a filtered list sorts
-- its matches from the index and reads only the twenty cards it shows.
DROP INDEX `ideas_theme_filter`;--> statement-breakpoint
CREATE INDEX `ideas_theme_filter` ON `ideas` (`hidden`,`theme_id`,`district_id`,`status`,`hot_score`,`vote_count`,`created_at`,`comment_count`,`updated_at`);