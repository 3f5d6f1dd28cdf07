-- The list version (decision 017) in one row per database connection instead of one row for
-- all: a transaction moves the row of its own connection (up to 16 rows), and the version is
-- the sum of the rows. The sum moves with every committed change, exactly as the one row
-- did, and a reader sees it in one snapshot; but writers on different connections no longer
-- wait for each other's commit (with its flush to disk) on one row lock, which made every
-- vote of every process take its turn. See decision 035. SQLite keeps its one row (one
-- writer at a time anyway); the reader sums on both engines.
CREATE OR REPLACE FUNCTION list_version_bump() RETURNS trigger
	LANGUAGE plpgsql
AS $$
BEGIN
	IF current_setting('meedenken.list_version_moved', true) = 'on' THEN
		RETURN NULL;
	END IF;
	PERFORM set_config('meedenken.list_version_moved', 'on', true);
	-- Inserted when missing, so a copy (pnpm admin migrate-to-postgres) or a restore that
	-- brings one row is enough.
	INSERT INTO "list_version" ("id", "version") VALUES (1 + pg_backend_pid() % 16, 1)
		ON CONFLICT ("id") DO UPDATE SET "version" = "list_version"."version" + 1;
	RETURN NULL;
END
$$;
