import type { Logger } from 'pino'
import type { Db } from '../db/open'
import { eventsAfter, type LiveEvent, lastEventId } from './live.data'

export type Subscriber = {
  ideaId: number | null
  userId: number | null
  send: (event: LiveEvent) => void
  /** Called when the server shuts down: the stream should end so the connection can close. */
  close: () => void
}

/**
 * Fans database events out to the browsers connected to this process. The database is the
 * source of events (any process may write them); this hub only remembers who is listening
 * here, and reads new rows once a second while anyone is. See docs/decisions/009.
 */
export class LiveHub {
  /** Each listener with the last event written before it connected: it gets only later ones. */
  private readonly subscribers = new Map<Subscriber, number>()
  private timer: NodeJS.Timeout | null = null
  private lastId = -1

  constructor(
    private readonly db: Db,
    private readonly logger?: Logger,
    private readonly intervalMs = 1000,
  ) {}

  subscribe(subscriber: Subscriber): () => void {
    // What was written before is already in what the page read; sent late, an old count
    // would step the page back (and make it fetch again for nothing).
    const since = lastEventId(this.db)
    this.subscribers.set(subscriber, since)
    if (!this.timer) {
      if (this.lastId < 0) this.lastId = since
      this.timer = setInterval(() => this.poll(), this.intervalMs)
      this.timer.unref()
    }
    return () => {
      this.subscribers.delete(subscriber)
      if (this.subscribers.size === 0 && this.timer) {
        clearInterval(this.timer)
        this.timer = null
      }
    }
  }

  get size(): number {
    return this.subscribers.size
  }

  /** Reads what happened since the last poll and hands each event to whoever cares. */
  poll(): void {
    try {
      for (;;) {
        const events = eventsAfter(this.db, this.lastId, 1000)
        for (const event of events) {
          this.lastId = event.id
          for (const [s, since] of this.subscribers) {
            if (event.id <= since) continue
            const forIdea = event.ideaId !== null && event.ideaId === s.ideaId
            const forUser = event.userId !== null && event.userId === s.userId
            if (forIdea || forUser) s.send(event)
          }
        }
        if (events.length < 1000) break
      }
    } catch (error) {
      this.logger?.warn({ error: String(error) }, 'live events poll failed')
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    const closing = [...this.subscribers.keys()]
    this.subscribers.clear()
    for (const s of closing) s.close()
  }
}
