import { hydrate, QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiRequestError } from '../lib/api-client'
import { readSsrState, SSR_STATE_ID, serverState } from './state'

const RENDERED = Date.parse('2027-04-01T00:05:00+02:00')

function page(json: string): void {
  const script = document.createElement('script')
  script.type = 'application/json'
  script.id = SSR_STATE_ID
  script.textContent = json
  document.body.replaceChildren(script)
}

afterEach(() => {
  vi.useRealTimers()
  document.body.replaceChildren()
})

describe('the state a server-rendered page hands to the browser', () => {
  it('carries a refusal as an ApiRequestError and counts the data’s age from when it arrived', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(RENDERED - 20)
    const server = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    server.setQueryData(['site'], { now: new Date(RENDERED).toISOString() })
    await server
      .fetchQuery({
        queryKey: ['ideas', 'detail', 9],
        queryFn: () =>
          Promise.reject(new ApiRequestError(404, { code: 'not_found', message: 'Dit idee bestaat niet.' }, null)),
      })
      .catch(() => undefined)
    // Only answers and the API's refusals travel: not a failure of the server itself.
    await server.fetchQuery({ queryKey: ['broken'], queryFn: () => Promise.reject(new Error('kapot')) }).catch(() => 0)
    vi.setSystemTime(RENDERED)
    const json = JSON.stringify(serverState(server, 'en'))
    expect(json).not.toContain('kapot')

    // This machine's clock is an hour behind the server's.
    const arrived = RENDERED - 3_600_000
    vi.setSystemTime(arrived)
    page(json)
    const state = readSsrState()
    expect(state?.locale).toBe('en')
    const browser = new QueryClient()
    hydrate(browser, state?.queries ?? {})
    const refused = browser.getQueryState(['ideas', 'detail', 9])
    expect(refused?.status).toBe('error')
    expect(refused?.error).toBeInstanceOf(ApiRequestError)
    expect(refused?.error).toMatchObject({ status: 404, code: 'not_found', message: 'Dit idee bestaat niet.' })
    expect(refused?.errorUpdatedAt).toBe(arrived - 20)
    // Fetched 20 ms before the render on the server's clock: 20 ms old on this one.
    expect(browser.getQueryState(['site'])?.dataUpdatedAt).toBe(arrived - 20)
    expect(browser.getQueryState(['broken'])).toBeUndefined()
  })

  it('is null on a page the server did not render, or with state it cannot read', () => {
    expect(readSsrState()).toBeNull()
    page('{not json')
    expect(readSsrState()).toBeNull()
  })
})
