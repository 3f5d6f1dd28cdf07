DROP INDEX `ideas_department_queue`;--> statement-breakpoint
DROP INDEX `ideas_assignee_queue`;--> statement-breakpoint
CREATE INDEX `ideas_department_queue` ON `ideas` (`department_id`,`first_response_at`,`created_at`,`hidden`,`status`);--> statement-breakpoint
CREATE INDEX `ideas_assignee_queue` ON `ideas` (`assignee_id`,`first_response_at`,`created_at`,`hidden`,`status`);