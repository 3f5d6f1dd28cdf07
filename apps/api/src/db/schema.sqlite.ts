import { sqliteFacade } from './schema-facade'
import { defineTables } from './schema-source'

// The SQLite tables (the embedded default), built from the one schema source. drizzle-kit
// (drizzle.config.ts) generates drizzle/ from these; the PostgreSQL tables are schema.pg.ts.
export const {
  departments,
  themes,
  districts,
  users,
  ideas,
  photos,
  photoFiles,
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
} = defineTables(sqliteFacade)
