import path from 'node:path'
import { z } from 'zod'
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
})

export type Settings = {
  port: number
  host: string
  databasePath: string
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
}

/** The only reader of process.env. Fails fast, naming each bad variable. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  // Relative paths are relative to where the command was typed (npm sets INIT_CWD).
  const base = env.INIT_CWD ?? process.cwd()
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: path.resolve(base, e.DATABASE_PATH),
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
  }
}

/** Settings for tests and tools: the defaults, with overrides. */
export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...readSettings({}), databasePath: ':memory:', logLevel: 'silent', ...overrides }
}
