-- Stored idea pages for visitors (decision 015). A page is dropped by a trigger whenever
-- something it shows changes, in the same transaction, in every process (the admin
-- command and restores too). Votes and follows move only vote_count, follower_count and
-- hot_score: a trigger copies the two counts to the page's row, so a visitor's page is one
-- read of one row. A test checks that every other column of ideas is listed in the trigger
-- that drops pages.
CREATE TABLE `idea_pages` (
	`idea_id` integer PRIMARY KEY NOT NULL,
	`stamp` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`first_response_at` integer,
	`last_public_update_at` integer,
	`vote_count` integer NOT NULL,
	`follower_count` integer NOT NULL,
	`page` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `progress_updates_author` ON `progress_updates` (`author_id`);
--> statement-breakpoint
CREATE TRIGGER `idea_pages_idea_update` AFTER UPDATE OF title, body, body_html, theme_id, district_id, target_mask, author_id, channel, status, hidden, hidden_reason, comment_count, department_id, assignee_id, campaign_id, merged_into_id, author_group, response_due_at, first_response_at, first_response_working_days, done_at, followup_asked_at, last_public_update_at, created_at, updated_at ON `ideas` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_counts` AFTER UPDATE OF vote_count, follower_count ON `ideas` BEGIN
	UPDATE `idea_pages` SET `vote_count` = new.vote_count, `follower_count` = new.follower_count WHERE `idea_id` = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_idea_delete` AFTER DELETE ON `ideas` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_comments_insert` AFTER INSERT ON `comments` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = new.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_comments_update` AFTER UPDATE ON `comments` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` IN (old.idea_id, new.idea_id);
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_comments_delete` AFTER DELETE ON `comments` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = old.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_status_changes_insert` AFTER INSERT ON `status_changes` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = new.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_status_changes_update` AFTER UPDATE ON `status_changes` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` IN (old.idea_id, new.idea_id);
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_status_changes_delete` AFTER DELETE ON `status_changes` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = old.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_progress_updates_insert` AFTER INSERT ON `progress_updates` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = new.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_progress_updates_update` AFTER UPDATE ON `progress_updates` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` IN (old.idea_id, new.idea_id);
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_progress_updates_delete` AFTER DELETE ON `progress_updates` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = old.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_idea_helpers_insert` AFTER INSERT ON `idea_helpers` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = new.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_idea_helpers_update` AFTER UPDATE ON `idea_helpers` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` IN (old.idea_id, new.idea_id);
END;
--> statement-breakpoint
CREATE TRIGGER `idea_pages_idea_helpers_delete` AFTER DELETE ON `idea_helpers` BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` = old.idea_id;
END;
--> statement-breakpoint
-- A member's name, group and role show on their ideas, comments and progress updates.
CREATE TRIGGER `idea_pages_user_update` AFTER UPDATE OF display_name, target_group, role, deleted_at ON `users`
WHEN old.display_name IS NOT new.display_name OR old.target_group IS NOT new.target_group
	OR old.role IS NOT new.role OR old.deleted_at IS NOT new.deleted_at
BEGIN
	DELETE FROM `idea_pages` WHERE `idea_id` IN (
		SELECT `id` FROM `ideas` WHERE `author_id` = new.id
		UNION SELECT `idea_id` FROM `comments` WHERE `author_id` = new.id
		UNION SELECT `idea_id` FROM `progress_updates` WHERE `author_id` = new.id
	);
END;
