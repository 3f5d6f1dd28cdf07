-- Staff queues from partial indexes (decision 010). The expression of ideas_department_open
-- is written by hand: drizzle-kit splits an index expression at its commas.
CREATE INDEX `ideas_department_open` ON `ideas` (`department_id`, (case when first_response_at is null then created_at else 10000000000000 + coalesce(last_public_update_at, created_at) end), `id`) WHERE status in ('new', 'under_review', 'planned', 'in_progress');--> statement-breakpoint
CREATE INDEX `ideas_department_stale` ON `ideas` (`department_id`,`last_public_update_at`) WHERE status in ('planned', 'in_progress');--> statement-breakpoint
CREATE INDEX `ideas_stale_queue` ON `ideas` (`last_public_update_at`,`id`) WHERE status in ('planned', 'in_progress');--> statement-breakpoint
CREATE INDEX `stats_counters_read` ON `stats_counters` (`month`,`theme_id`,`target_group`,`metric`,`count`);