import path from 'node:path'
import { z } from 'zod'
import { engineOf } from './db/engine'
import { repoRoot } from './paths'

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Loopback by default: the demo's development mailbox shows sign-in links, so the
  // server must not be reachable from the network unless someone decides it should be.
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/meedenken.db'),
  // PostgreSQL for several processes behind a load balancer (postgres://user:password@host:5432/db);
  // anything else here is read as the SQLite file's path, like DATABASE_PATH.
  DATABASE_URL: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  DEMO_DATA: flag.default(false),
  DEV_MAILBOX: flag.default(false),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Meedenken <noreply@meedenken.local>'),
  TRUST_PROXY: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  WEB_DIST: z.string().min(1).default(path.join(repoRoot, 'apps/web/dist')),
  MUNICIPALITY_NAME: z.string().min(1).default('Midden-Groningen'),
  SECURITY_CONTACT: z.string().min(5).default('mailto:security@midden-groningen.nl'),
  // The look: a file of design tokens in the web build's themes/ folder (apps/web/public/themes/).
  THEME: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a theme file name in lower case, such as midden-groningen or voorbeeld')
    .default('midden-groningen'),
  // Where photos' bytes are kept: in the database (every process reads them) or as files in PHOTO_DIR.
  PHOTO_STORE: z.enum(['database', 'disk']).default('database'),
  PHOTO_DIR: z.string().min(1).default('data/photos'),
  // The moment the app's clock starts at, for tests and demos on a chosen day (ISO 8601 with offset).
  MEEDENKEN_NOW: z.iso.datetime({ offset: true }).optional(),
  // Maps: the base map's tiles ({z}/{x}/{y}), their attribution, the address search (PDOK
  // Locatieserver v3.1), and where the map opens. Tests point these at a local fixture server.
  MAP_TILE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), 'a tile URL with {z}, {x} and {y}')
    .default('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().min(1).max(200).default('Kaartgegevens © Kadaster'),
  GEOCODER_URL: z.url({ protocol: /^https?$/ }).default('https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
  MAP_CENTER: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'latitude,longitude in degrees, such as 53.18,6.76')
    .default('53.18,6.76'),
  MAP_ZOOM: z.coerce.number().int().min(6).max(18).default(11),
  // How often staff reminders run and notifications become mail. Tests shorten it.
  NOTIFY_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
})

export type Settings = {
  port: number
  host: string
  databasePath: string
  /** A `postgres://` URL: the process runs on PostgreSQL (db/engine.ts). Null: the SQLite file at databasePath. */
  databaseUrl: string | null
  publicUrl: string | null
  demoData: boolean
  devMailbox: boolean
  smtpUrl: string | null
  mailFrom: string
  trustProxy: boolean
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
  webDist: string
  municipalityName: string
  securityContact: string
  /** The theme served as /theme.css: `<webDist>/themes/<theme>.css`. */
  theme: string
  /** Where photos' bytes are kept (features/photos/photo-store.ts); dir only for the disk store. */
  photos: { store: 'database' | 'disk'; dir: string }
  /** Where the app's clock starts (ms since 1970), or null for the real time. Only with the development mailbox. */
  clockStart: number | null
  /** The map: tile URL template, attribution, address search, where it opens (features/places). */
  map: {
    tileUrl: string
    attribution: string
    geocoderUrl: string
    center: { latitude: number; longitude: number }
    zoom: number
  }
  /** How often staff reminders and notification mail run (jobs.ts). */
  notifyEveryMs: number
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '[::1]'])

/** True for names that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * The development mailbox shows every mail, sign-in links included, and a chosen clock
 * moves every deadline: both are for a demo or a test on this machine, never for a server
 * that others can reach.
 */
function developmentOnlyProblems(e: z.infer<typeof EnvSchema>): string[] {
  const problems: string[] = []
  if (e.MEEDENKEN_NOW && !e.DEV_MAILBOX) {
    problems.push('  MEEDENKEN_NOW: a chosen clock is only allowed with DEV_MAILBOX=1 (tests and demos)')
  }
  if (e.DEV_MAILBOX) {
    if (!isLoopbackHost(e.HOST)) {
      problems.push(`  DEV_MAILBOX: the development mailbox only runs on a loopback HOST, not on ${e.HOST}`)
    }
    if (e.PUBLIC_URL?.startsWith('https://')) {
      problems.push('  DEV_MAILBOX: the development mailbox never runs behind a public https:// PUBLIC_URL')
    }
  }
  return problems
}

/** The only reader of process.env. Fails fast, naming each bad variable. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const problems = developmentOnlyProblems(e)
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join('\n')}`)
  // Relative paths are relative to where the command was typed (npm sets INIT_CWD).
  const base = env.INIT_CWD ?? process.cwd()
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: path.resolve(
      base,
      e.DATABASE_URL && engineOf(e.DATABASE_URL) === 'sqlite' ? e.DATABASE_URL : e.DATABASE_PATH,
    ),
    databaseUrl: e.DATABASE_URL && engineOf(e.DATABASE_URL) === 'postgres' ? e.DATABASE_URL : null,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, '') ?? null,
    demoData: e.DEMO_DATA,
    devMailbox: e.DEV_MAILBOX,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(base, e.WEB_DIST),
    municipalityName: e.MUNICIPALITY_NAME,
    securityContact: e.SECURITY_CONTACT,
    theme: e.THEME,
    photos: { store: e.PHOTO_STORE, dir: path.resolve(base, e.PHOTO_DIR) },
    clockStart: e.MEEDENKEN_NOW ? Date.parse(e.MEEDENKEN_NOW) : null,
    map: {
      tileUrl: e.MAP_TILE_URL,
      attribution: e.MAP_ATTRIBUTION,
      geocoderUrl: e.GEOCODER_URL.replace(/\/$/, ''),
      center: { latitude: Number(e.MAP_CENTER.split(',')[0]), longitude: Number(e.MAP_CENTER.split(',')[1]) },
      zoom: e.MAP_ZOOM,
    },
    notifyEveryMs: e.NOTIFY_EVERY_SECONDS * 1000,
  }
}

/** Settings for tests and tools: the defaults, with overrides. */
export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...readSettings({}), databasePath: ':memory:', databaseUrl: null, logLevel: 'silent', ...overrides }
}
