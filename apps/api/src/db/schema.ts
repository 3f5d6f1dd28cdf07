import { engine } from './engine'
import * as pgTables from './schema.pg'
import * as sqliteTables from './schema.sqlite'

// The tables the data layer queries: this process's engine's (engine.ts). Both are built from
// the one schema source with the same names, columns and select and insert types (decision
// 022), so code is typed once, against SQLite's, and runs on either. drizzle-kit reads
// schema.sqlite.ts and schema.pg.ts, never this file.
const tables = (engine === 'postgres' ? pgTables : sqliteTables) as unknown as typeof sqliteTables

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
} = tables
