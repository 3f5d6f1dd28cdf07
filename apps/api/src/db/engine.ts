/**
 * The database engine of this process: PostgreSQL when DATABASE_URL is a `postgres://` or
 * `postgresql://` URL, else the embedded SQLite file. A process runs on one engine for its
 * whole life, and the tables it queries (schema.ts) are built for that engine when the
 * module is first imported, so the choice is read from the environment here, once, rather
 * than passed around (docs/decisions/031-postgresql-runtime.md).
 */
export type Engine = 'sqlite' | 'postgres'

export function engineOf(url: string | undefined): Engine {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite'
}

export const engine: Engine = engineOf(process.env.DATABASE_URL)
