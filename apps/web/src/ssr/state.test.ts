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
    // A demo whose server runs two hours ahead of the real time.
    const AHEAD = 2 * 3_600_000
    vi.setSystemTime(RENDERED - 20)
    const server = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    server.setQueryData(['site'], {
      municipalityName: 'Midden-Groningen',
      now: new Date(RENDERED - 20 + AHEAD).toISOString(),
    })
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
    expect(JSON.parse(json)).toMatchObject({ locale: 'en', clockOffset: AHEAD })

    // This machine's clock is an hour behind the real time.
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
    expect(refused?.errorUpdatedAt).toBe(arrived)
    // Fresh from when the page arrived; the server's clock two hours ahead of this one's.
    const site = browser.getQueryState<{ municipalityName: string; now: string }>(['site'])
    expect(site?.dataUpdatedAt).toBe(arrived)
    expect(site?.data).toEqual({ municipalityName: 'Midden-Groningen', now: new Date(arrived + AHEAD).toISOString() })
    expect(browser.getQueryState(['broken'])).toBeUndefined()
  })

  it('is the same for the same data, whenever it is rendered: the page keeps its ETag', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const render = async (at: number) => {
      vi.setSystemTime(at)
      const server = new QueryClient()
      await server.fetchQuery({ queryKey: ['site'], queryFn: async () => ({ now: new Date(at).toISOString() }) })
      await server.fetchQuery({ queryKey: ['ideas', 'detail', 9], queryFn: async () => ({ title: 'Een bankje' }) })
      return JSON.stringify(serverState(server, 'nl'))
    }
    const first = await render(RENDERED)
    expect(await render(RENDERED + 90_000)).toBe(first)
    expect(first).not.toContain(String(RENDERED))
  })

  it('is null on a page the server did not render, or with state it cannot read', () => {
    expect(readSsrState()).toBeNull()
    page('{not json')
    expect(readSsrState()).toBeNull()
  })
})
