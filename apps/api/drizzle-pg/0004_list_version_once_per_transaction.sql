-- One step of the list version per transaction, however many ideas it changes. The deferred
-- row triggers all run at commit; the first marks the transaction (a transaction-local setting,
-- gone when it ends) and the others return at once. A batch of votes, a merge or a bulk
-- assignment then updates the one row once instead of once per changed idea.
CREATE OR REPLACE FUNCTION list_version_bump() RETURNS trigger
	LANGUAGE plpgsql
AS $$
BEGIN
	IF current_setting('meedenken.list_version_moved', true) = 'on' THEN
		RETURN NULL;
	END IF;
	PERFORM set_config('meedenken.list_version_moved', 'on', true);
	UPDATE "list_version" SET "version" = "version" + 1 WHERE "id" = 1;
	RETURN NULL;
END
$$;
