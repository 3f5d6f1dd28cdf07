-- Similar ideas while typing look in titles only. The weight restriction (`:A`) of a query
-- on ideas.search is not in its GIN index, so PostgreSQL read every idea with the word
-- anywhere and rechecked each (216-364 ms for "gemeen" at 100k ideas). This index holds the
-- title's words alone, stemmed and unstemmed, as ideas.search does (decision 022).
CREATE INDEX "ideas_title_search" ON "ideas" USING gin ((to_tsvector('dutch'::regconfig, meedenken_unaccent("title")) || to_tsvector('simple'::regconfig, meedenken_unaccent("title"))));
