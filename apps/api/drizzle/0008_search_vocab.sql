-- How many ideas contain each word: lets a search tell a common word ("gemeente", in half
-- of all ideas) from a rare one before choosing how to run, without reading the matches.
CREATE VIRTUAL TABLE `ideas_fts_vocab` USING fts5vocab(`ideas_fts`, 'row');
