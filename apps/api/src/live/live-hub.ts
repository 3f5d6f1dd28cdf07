import type { Logger } from 'pino'
import type { Db } from '../db/open'
import { eventsAfter, hiddenIdeas, type LiveEvent, lastEventId, standingSessions } from './live.data'

export type LiveLimits = {
  /** Streams this process keeps open at once. */
  total: number
  /** Streams one client (a member's account, or a visitor's address or IPv6 /64) keeps open here at once. */
  perClient: number
}

/**
 * An open stream holds about 21 KB of this process's heap (socket, request, context and
 * stream; measured with 500 streams against the production bundle in
 * trust/live-streams.trust.ts), and the server runs with a 128 MB old space. 500 streams are
 * about 10 MB: room for everything else, and still a live line for every tab a few hundred
 * people keep open on one process; run more processes for more. 8 per client: a household
 * or a member with several tabs open, each with its one line (browsers allow 6 connections
 * per host on HTTP/1.1 anyway). A refused browser polls instead and tries again later, so a
 * cap costs freshness, never the page.
 */
export const LIVE_LIMITS: LiveLimits = { total: 500, perClient: 8 }

/** Why a stream ends before its browser leaves: the server stops, or its session ended. */
export type EndReason = 'shutdown' | 'session'

export type Subscriber = {
  ideaId: number | null
  userId: number | null
  /** The session the stream was opened with; the stream ends when that session ends. */
  sessionId: number | null
  /** Who opened it, for the per-client cap: `user:<id>` or `ip:<address>`. */
  client: string
  send: (event: LiveEvent) => void | Promise<void>
  /** The stream should end, so its connection can close. */
  close: (reason: EndReason) => void
}

export type Admission = { ok: true; unsubscribe: () => void } | { ok: false; full: 'process' | 'client' }

/**
 * Fans database events out to the browsers connected to this process. The database is the
 * source of events (any process may write them) and of sessions; this hub only remembers who
 * is listening here, and reads new rows once a second while anyone is. See docs/decisions/009.
 * The caps count this process's own streams: they protect this process's heap.
 */
export class LiveHub {
  /** Each listener with the last event written before it connected: it gets only later ones. */
  private readonly subscribers = new Map<Subscriber, number>()
  private readonly perClient = new Map<string, number>()
  private timer: NodeJS.Timeout | null = null
  private lastId = -1

  constructor(
    private readonly db: Db,
    private readonly logger?: Logger,
    private readonly intervalMs = 1000,
    private readonly limits: LiveLimits = LIVE_LIMITS,
  ) {}

  /** Admits a listener if this process and its client have room; refused, nothing is kept. */
  async subscribe(subscriber: Subscriber): Promise<Admission> {
    // What was written before is already in what the page read; sent late, an old count
    // would step the page back (and make it fetch again for nothing). Read before the caps
    // are checked, so the check and the count that follows it happen in one step.
    const since = await lastEventId(this.db)
    if (this.subscribers.size >= this.limits.total) return { ok: false, full: 'process' }
    const mine = this.perClient.get(subscriber.client) ?? 0
    if (mine >= this.limits.perClient) return { ok: false, full: 'client' }
    this.subscribers.set(subscriber, since)
    this.perClient.set(subscriber.client, mine + 1)
    if (!this.timer) {
      if (this.lastId < 0) this.lastId = since
      this.timer = setInterval(() => void this.poll(), this.intervalMs)
      this.timer.unref()
    }
    return { ok: true, unsubscribe: () => this.remove(subscriber) }
  }

  private remove(subscriber: Subscriber): void {
    if (!this.subscribers.delete(subscriber)) return
    const left = (this.perClient.get(subscriber.client) ?? 1) - 1
    if (left > 0) this.perClient.set(subscriber.client, left)
    else this.perClient.delete(subscriber.client)
    if (this.subscribers.size === 0 && this.timer) {
      clearInterval(this.timer)
      this.timer = null
    }
  }

  get size(): number {
    return this.subscribers.size
  }

  /** Ends the streams whose session has ended since, then hands out what happened since the last poll. */
  async poll(): Promise<void> {
    try {
      await this.endEndedSessions()
    } catch (error) {
      this.logger?.warn({ error: String(error) }, 'live sessions check failed')
    }
    try {
      for (;;) {
        const events = await eventsAfter(this.db, this.lastId, 1000)
        const hidden = await this.hiddenAmong(events)
        for (const event of events) {
          this.lastId = event.id
          if (event.ideaId !== null && hidden.has(event.ideaId)) continue
          for (const [s, since] of this.subscribers) {
            if (event.id <= since) continue
            const forIdea = event.ideaId !== null && event.ideaId === s.ideaId
            const forUser = event.userId !== null && event.userId === s.userId
            if (forIdea || forUser) await s.send(event)
          }
        }
        if (events.length < 1000) break
      }
    } catch (error) {
      this.logger?.warn({ error: String(error) }, 'live events poll failed')
    }
  }

  /** A hidden idea's counts go to no one, also when the hide came after the change. */
  private async hiddenAmong(events: LiveEvent[]): Promise<Set<number>> {
    const watched = new Set<number>()
    for (const s of this.subscribers.keys()) if (s.ideaId !== null) watched.add(s.ideaId)
    const ideas = new Set<number>()
    for (const e of events) if (e.ideaId !== null && watched.has(e.ideaId)) ideas.add(e.ideaId)
    return ideas.size === 0 ? ideas : await hiddenIdeas(this.db, [...ideas])
  }

  /** Sessions live in the database, so a logout or block in any process ends the streams here. */
  private async endEndedSessions(): Promise<void> {
    const ids = new Set<number>()
    for (const s of this.subscribers.keys()) if (s.sessionId !== null) ids.add(s.sessionId)
    if (ids.size === 0) return
    const standing = await standingSessions(this.db, [...ids])
    for (const s of [...this.subscribers.keys()]) {
      if (s.sessionId === null || standing.has(s.sessionId)) continue
      this.remove(s)
      s.close('session')
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    const closing = [...this.subscribers.keys()]
    this.subscribers.clear()
    this.perClient.clear()
    for (const s of closing) s.close('shutdown')
  }
}
