import pino, { type Logger } from 'pino'
import type { Settings } from './settings'

export function createLogger(settings: Pick<Settings, 'logLevel'>): Logger {
  return pino({ level: settings.logLevel, base: { app: 'meedenken' } })
}
