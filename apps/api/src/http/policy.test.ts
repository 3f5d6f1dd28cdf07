import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/test-app'
import { isPolicyMiddleware } from './policy'

/** Handlers that answer take (c); middleware takes (c, next). Hono's own helpers use this. */
const isTerminal = (handler: (...args: never[]) => unknown) => handler.length < 2

describe('route policies', () => {
  it('every registered route that answers requests declares who may call it', () => {
    const { app } = createTestApp()
    const groups = new Map<string, Array<(...args: never[]) => unknown>>()
    for (const r of app.routes) {
      const key = `${r.method} ${r.path}`
      groups.set(key, [...(groups.get(key) ?? []), r.handler as (...args: never[]) => unknown])
    }
    const endpoints = [...groups.entries()].filter(([, handlers]) => handlers.some(isTerminal))
    const withoutPolicy = endpoints.filter(([, handlers]) => !handlers.some(isPolicyMiddleware)).map(([key]) => key)
    expect(withoutPolicy).toEqual([])
    expect(endpoints.length).toBeGreaterThanOrEqual(6)
  })
})
