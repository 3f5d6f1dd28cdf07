CREATE INDEX `ideas_theme_filter` ON `ideas` (`hidden`,`theme_id`,`district_id`,`status`);--> statement-breakpoint
CREATE INDEX `ideas_district_filter` ON `ideas` (`hidden`,`district_id`,`status`);--> statement-breakpoint
CREATE INDEX `ideas_status_filter` ON `ideas` (`hidden`,`status`,`theme_id`);