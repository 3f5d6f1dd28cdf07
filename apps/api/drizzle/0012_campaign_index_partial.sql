-- Only ideas in a campaign are in this index (decision 010): a vote on any other idea moves
-- one index entry less. Queries ask for a campaign_id, which implies "is not null".
DROP INDEX `ideas_campaign`;--> statement-breakpoint
CREATE INDEX `ideas_campaign` ON `ideas` (`campaign_id`,`hidden`,`hot_score`,`id`) WHERE "ideas"."campaign_id" is not null;