-- The version of what idea lists show (decision 017): one row, moved in the same transaction
-- as any change to an idea (votes and comments move its counters) or to what a card shows of
-- its author. Every process reads it, so a list kept at version N is served only while the
-- version is N.
CREATE TABLE `list_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `list_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `list_version_idea_insert` AFTER INSERT ON `ideas` BEGIN
	UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `list_version_idea_update` AFTER UPDATE ON `ideas` BEGIN
	UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `list_version_idea_delete` AFTER DELETE ON `ideas` BEGIN
	UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `list_version_author` AFTER UPDATE OF `display_name`, `target_group`, `deleted_at` ON `users` BEGIN
	UPDATE `list_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
