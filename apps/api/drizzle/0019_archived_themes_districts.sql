ALTER TABLE `districts` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `themes` ADD `archived_at` integer;