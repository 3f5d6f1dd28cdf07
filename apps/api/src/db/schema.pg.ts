import { type PgTables, pgFacadeForSource } from './schema-facade.pg'
import { defineTables } from './schema-source'

// The PostgreSQL tables, built from the same schema source as schema.ts (the SQLite ones),
// with the same names and the same select and insert types. drizzle-kit (drizzle.pg.config.ts)
// generates drizzle-pg/ from these. The search column of ideas is not here (search-index.pg.ts).
export const {
  departments,
  themes,
  districts,
  users,
  ideas,
  votes,
  comments,
  followers,
  statusChanges,
  settings,
  listVersion,
  sessions,
  accountTokens,
  mailOutbox,
  rateLimits,
  auditLog,
  ideaNotes,
  ideaAssignments,
  notifications,
  staffAlerts,
  reports,
  ratings,
  followupAnswers,
  statsCounters,
  campaigns,
  ideaHelpers,
  progressUpdates,
  liveEvents,
  ideaCorrections,
  answerTemplates,
} = defineTables(pgFacadeForSource) as unknown as PgTables<ReturnType<typeof defineTables>>
