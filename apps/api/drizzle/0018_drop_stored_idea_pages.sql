-- Stored idea pages are gone (issue 19): a visitor's idea page is read like a member's,
-- from the ideas and comments, and HTTP caching does the rest (decision 017).
DROP TRIGGER IF EXISTS `idea_pages_idea_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_counts`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_idea_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_comments_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_comments_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_comments_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_status_changes_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_status_changes_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_status_changes_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_progress_updates_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_progress_updates_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_progress_updates_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_idea_helpers_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_idea_helpers_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_idea_helpers_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `idea_pages_user_update`;
--> statement-breakpoint
DROP TABLE `idea_pages`;
