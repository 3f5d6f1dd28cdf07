import { defineConfig } from 'drizzle-kit'

// PostgreSQL's migrations, generated from the same schema source as SQLite's (drizzle.config.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.pg.ts',
  out: './drizzle-pg',
})
