-- Full-text search over ideas (SQLite FTS5). External content: the text is stored once, in
-- `ideas`; triggers keep the index in step. unicode61 with remove_diacritics 2 makes
-- "ideeen" find "ideeën"; prefix indexes make the prefix queries the search uses cheap.
CREATE VIRTUAL TABLE `ideas_fts` USING fts5(
	title,
	body,
	content='ideas',
	content_rowid='id',
	tokenize="unicode61 remove_diacritics 2",
	prefix='2 3 4'
);
--> statement-breakpoint
INSERT INTO `ideas_fts`(rowid, title, body) SELECT id, title, body FROM `ideas`;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_after_insert` AFTER INSERT ON `ideas` BEGIN
	INSERT INTO `ideas_fts`(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_after_delete` AFTER DELETE ON `ideas` BEGIN
	INSERT INTO `ideas_fts`(`ideas_fts`, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
--> statement-breakpoint
-- Only a change of text touches the index: votes and counters update `ideas` without it.
CREATE TRIGGER `ideas_fts_after_update` AFTER UPDATE OF title, body ON `ideas` BEGIN
	INSERT INTO `ideas_fts`(`ideas_fts`, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO `ideas_fts`(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
