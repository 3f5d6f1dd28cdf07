import { describe, expect, it } from 'vitest'
import { clockFor } from './http/env'
import { readSettings } from './settings'

describe('settings', () => {
  it('starts the clock at a chosen moment when the development mailbox is on', () => {
    const settings = readSettings({ DEV_MAILBOX: '1', MEEDENKEN_NOW: '2027-01-01T00:05:00+01:00' })
    expect(settings.clockStart).toBe(Date.parse('2026-12-31T23:05:00Z'))
    const now = clockFor(settings).now()
    // The chosen clock runs on from its start (this test takes far less than a minute).
    expect(now).toBeGreaterThanOrEqual(Date.parse('2026-12-31T23:05:00Z'))
    expect(now).toBeLessThan(Date.parse('2026-12-31T23:06:00Z'))
  })

  it('uses the real time when no moment is chosen', () => {
    expect(readSettings({}).clockStart).toBeNull()
  })

  it('refuses a chosen clock without the development mailbox', () => {
    expect(() => readSettings({ MEEDENKEN_NOW: '2027-01-01T00:05:00+01:00' })).toThrow(/MEEDENKEN_NOW/)
  })

  it('refuses a moment that is not an ISO time', () => {
    expect(() => readSettings({ DEV_MAILBOX: '1', MEEDENKEN_NOW: 'next tuesday' })).toThrow(/MEEDENKEN_NOW/)
  })

  it('turns notifications into mail twice a minute unless told how often, in whole seconds', () => {
    expect(readSettings({}).notifyEveryMs).toBe(30_000)
    expect(readSettings({ NOTIFY_EVERY_SECONDS: '3' }).notifyEveryMs).toBe(3_000)
    for (const bad of ['0', '-5', '1.5', 'often', '7200'])
      expect(() => readSettings({ NOTIFY_EVERY_SECONDS: bad })).toThrow(/NOTIFY_EVERY_SECONDS/)
  })

  it('refuses to show the development mailbox on an address others can reach', () => {
    expect(() => readSettings({ DEV_MAILBOX: '1', HOST: '0.0.0.0' })).toThrow(/loopback HOST/)
    expect(() => readSettings({ DEV_MAILBOX: '1', HOST: '192.168.1.20' })).toThrow(/loopback HOST/)
    expect(() => readSettings({ DEV_MAILBOX: '1', PUBLIC_URL: 'https://meedenken.example.nl' })).toThrow(/https/)
    expect(readSettings({ DEV_MAILBOX: '1', HOST: 'localhost' }).devMailbox).toBe(true)
    expect(readSettings({ DEV_MAILBOX: '1', HOST: '::1', PUBLIC_URL: 'http://127.0.0.1:3100' }).devMailbox).toBe(true)
    // Without the mailbox, any address is fine (behind a proxy, in a container).
    expect(readSettings({ HOST: '0.0.0.0', PUBLIC_URL: 'https://meedenken.example.nl' }).host).toBe('0.0.0.0')
  })
})
