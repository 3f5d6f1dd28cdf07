import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FIRST_RETRY_MS, LiveLine, POLL_MS } from './live-line'

/** Just enough of EventSource: the URL, listeners, and what a server or network can do to it. */
class FakeSource {
  static CONNECTING = 0
  static OPEN = 1
  static CLOSED = 2
  static all: FakeSource[] = []
  readyState = FakeSource.CONNECTING
  private readonly listeners = new Map<string, ((event: Event) => void)[]>()
  constructor(readonly url: string) {
    FakeSource.all.push(this)
  }
  addEventListener(name: string, listener: (event: Event) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
  }
  close(): void {
    this.readyState = FakeSource.CLOSED
  }
  emit(name: string, data: unknown = {}): void {
    if (name === 'ready') this.readyState = FakeSource.OPEN
    for (const l of this.listeners.get(name) ?? []) l(new MessageEvent(name, { data: JSON.stringify(data) }))
  }
  /** The server answered 503 (or 404): the browser gives up on this source. */
  refuse(): void {
    this.readyState = FakeSource.CLOSED
    for (const l of this.listeners.get('error') ?? []) l(new Event('error'))
  }
}

const open = () => FakeSource.all.filter((s) => s.readyState !== FakeSource.CLOSED)
const settle = () => Promise.resolve()

describe('the live line of a tab', () => {
  beforeEach(() => {
    FakeSource.all = []
    vi.stubGlobal('EventSource', FakeSource)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('is one connection shared by the bell and an idea page, and follows the page to another idea', async () => {
    const line = new LiveLine()
    const unread: number[] = []
    const votes: number[] = []
    const stopBell = line.watch({ onNotifications: (n) => unread.push(n) })
    await settle()
    expect(open().map((s) => s.url)).toEqual(['/api/live'])

    const stopIdea = line.watch({ ideaId: 5, onVotes: (n) => votes.push(n) })
    await settle()
    expect(open().map((s) => s.url)).toEqual(['/api/live?idea=5'])
    open()[0]?.emit('notifications', { unread: 2 })
    open()[0]?.emit('votes', { ideaId: 5, voteCount: 7 })
    open()[0]?.emit('votes', { ideaId: 6, voteCount: 1 })
    expect(unread).toEqual([2])
    expect(votes).toEqual([7])

    // To another idea: the old page leaves and the new one comes in the same render.
    stopIdea()
    const stopOther = line.watch({ ideaId: 6 })
    await settle()
    expect(open().map((s) => s.url)).toEqual(['/api/live?idea=6'])
    expect(FakeSource.all).toHaveLength(3)

    stopOther()
    stopBell()
    await settle()
    expect(open()).toEqual([])
  })

  it("opens a visitor's line only while the tab shows an idea", async () => {
    const line = new LiveLine()
    const stop = line.watch({ poll: () => {} })
    await settle()
    expect(open()).toEqual([])
    const stopIdea = line.watch({ ideaId: 3 })
    await settle()
    expect(open().map((s) => s.url)).toEqual(['/api/live?idea=3'])
    stopIdea()
    stop()
    await settle()
    expect(open()).toEqual([])
  })

  it('after a refusal polls instead, tries again after 30 s and then twice as long, never at once', async () => {
    vi.useFakeTimers()
    const line = new LiveLine()
    const polls = vi.fn()
    const reconnected = vi.fn()
    line.watch({ ideaId: 9, poll: polls, onReconnected: reconnected })
    await settle()
    open()[0]?.refuse()
    expect(open()).toEqual([])

    vi.advanceTimersByTime(POLL_MS)
    expect(polls).toHaveBeenCalledTimes(1)
    expect(FakeSource.all).toHaveLength(1)
    vi.advanceTimersByTime(FIRST_RETRY_MS * 1.2 - POLL_MS)
    expect(FakeSource.all).toHaveLength(2)

    // Refused again: the next try waits at least a minute.
    FakeSource.all[1]?.refuse()
    vi.advanceTimersByTime(FIRST_RETRY_MS * 2 - 1)
    expect(FakeSource.all).toHaveLength(2)
    vi.advanceTimersByTime(FIRST_RETRY_MS * 0.4 + 1)
    expect(FakeSource.all).toHaveLength(3)

    // Back: polling stops, and the page reads once what it may have missed.
    FakeSource.all[2]?.emit('ready')
    expect(reconnected).toHaveBeenCalledTimes(1)
    const pollsSoFar = polls.mock.calls.length
    vi.advanceTimersByTime(POLL_MS * 3)
    expect(polls).toHaveBeenCalledTimes(pollsSoFar)
  })

  it('polls in a browser without server-sent events', async () => {
    vi.unstubAllGlobals()
    vi.stubGlobal('EventSource', undefined)
    vi.useFakeTimers()
    const line = new LiveLine()
    const polls = vi.fn()
    const stop = line.watch({ ideaId: 2, poll: polls })
    await settle()
    vi.advanceTimersByTime(POLL_MS * 2)
    expect(polls).toHaveBeenCalledTimes(2)
    stop()
    await settle()
    vi.advanceTimersByTime(POLL_MS * 2)
    expect(polls).toHaveBeenCalledTimes(2)
  })

  it('lets the browser reconnect by itself after a dropped connection, and tells the page when it is back', async () => {
    const line = new LiveLine()
    const reconnected = vi.fn()
    line.watch({ ideaId: 4, onReconnected: reconnected })
    await settle()
    const source = open()[0]
    source?.emit('ready')
    expect(reconnected).not.toHaveBeenCalled()
    // A network error while connecting again: EventSource keeps the same source and retries.
    if (source) source.readyState = FakeSource.CONNECTING
    source?.emit('error')
    source?.emit('ready')
    expect(reconnected).toHaveBeenCalledTimes(1)
    expect(FakeSource.all).toHaveLength(1)
  })

  it("closes when the server says the session ended, tells the page, and keeps only an idea page's line", async () => {
    const line = new LiveLine()
    const ended = vi.fn()
    const stopBell = line.watch({ onNotifications: () => {}, onSessionEnded: ended })
    await settle()
    const first = open()[0]
    first?.emit('end', { reason: 'session' })
    expect(first?.readyState).toBe(FakeSource.CLOSED)
    expect(ended).toHaveBeenCalledTimes(1)
    await settle()
    // Only the bell listened: a visitor's tab needs no line for it.
    expect(open()).toEqual([])

    const stopIdea = line.watch({ ideaId: 8 })
    await settle()
    open()[0]?.emit('end', { reason: 'session' })
    await settle()
    // On an idea page the tab goes on as a visitor's, with the idea's counts.
    expect(open().map((s) => s.url)).toEqual(['/api/live?idea=8'])
    expect(FakeSource.all).toHaveLength(3)
    stopBell()
    stopIdea()
    await settle()
    expect(open()).toEqual([])
  })
})
