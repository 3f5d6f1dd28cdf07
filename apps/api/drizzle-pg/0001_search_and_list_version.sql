-- What drizzle-kit cannot express, written by hand: PostgreSQL's side of SQLite's hand-written
-- migrations 0002 and 0008 (search) and 0020 (the list version). See decision 022.
--
-- Search: a generated tsvector of each idea, title weighted A and body B, with Dutch stems
-- ("Fietspaden" → 'fietspad') for whole words and the unstemmed words ('simple') for
-- prefixes while typing: the stemmer shortens a half-typed word differently from the whole
-- one ("gemeen" → 'gemen', "gemeentehuis" → 'gemeentehuis'), so a prefix query reads the
-- unstemmed words (to_tsquery('simple', 'gemeen:*')). Both ignore accents ("cafe" finds "café").
-- One GIN index serves both, prefixes included.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
--> statement-breakpoint
-- A generated column may only call immutable functions; unaccent() is only stable (its
-- dictionary could change), so this wrapper names the dictionary and promises it will not.
CREATE FUNCTION meedenken_unaccent(text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	RETURN public.unaccent('public.unaccent'::regdictionary, $1);
--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('dutch'::regconfig, meedenken_unaccent("title")), 'A')
	|| setweight(to_tsvector('simple'::regconfig, meedenken_unaccent("title")), 'A')
	|| setweight(to_tsvector('dutch'::regconfig, meedenken_unaccent("body")), 'B')
	|| setweight(to_tsvector('simple'::regconfig, meedenken_unaccent("body")), 'B')
) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "ideas_search" ON "ideas" USING gin ("search");
--> statement-breakpoint
-- The version of what idea lists show (decision 017): one row, moved in the same transaction
-- as any change to an idea or to what a card shows of its author, as on SQLite.
INSERT INTO "list_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION list_version_bump() RETURNS trigger
	LANGUAGE plpgsql
AS $$
BEGIN
	UPDATE "list_version" SET "version" = "version" + 1 WHERE "id" = 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- Deferred to the commit: the one row is then the last lock a transaction takes, held only
-- while it commits. Taken at the change itself, it would make every writer of ideas wait for
-- every other until commit, and two transactions that change two ideas in opposite order
-- (a merge beside a vote) would deadlock on it.
CREATE CONSTRAINT TRIGGER "list_version_idea_insert" AFTER INSERT ON "ideas"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION list_version_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "list_version_idea_update" AFTER UPDATE ON "ideas"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION list_version_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "list_version_idea_delete" AFTER DELETE ON "ideas"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION list_version_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "list_version_author" AFTER UPDATE OF "display_name", "target_group", "deleted_at" ON "users"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION list_version_bump();
