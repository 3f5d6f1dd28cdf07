import { api } from '../../../lib/api-client'

/** What a component hears on the tab's live line. */
export type LiveWatcher = {
  /** The idea this page shows: the line then carries its counts (one idea page per tab). */
  ideaId?: number
  onVotes?: (voteCount: number) => void
  onComments?: (commentCount: number) => void
  onNotifications?: (unread: number) => void
  /** The line came back after a gap: events sent meanwhile are not replayed, so read again. */
  onReconnected?: () => void
  /** The server ended the line because the session ended (logout elsewhere, block, role change). */
  onSessionEnded?: () => void
  /** While the server refuses the line (or it is down), called every POLL_MS instead. */
  poll?: () => void
}

/** While the line is refused, what it carried is fetched this often. */
export const POLL_MS = 20_000
/** The server asks for 30 s (Retry-After) when it is full; each further refusal doubles it. */
export const FIRST_RETRY_MS = 30_000
const LAST_RETRY_MS = 10 * 60_000

/**
 * One server-sent-event line per browser tab, shared by everything on the page that wants
 * live data: the bell (a member's unread count) and an idea page (its counts). The server
 * caps lines per process and per client, so a tab never holds two; a visitor's tab has one
 * only while it shows an idea. The line follows the page: it reopens with the idea when the
 * tab moves to another idea, and closes when no one listens.
 *
 * EventSource retries by itself only after a dropped connection (every 3 s, the server's
 * `retry`); a refused one (503 above the cap, 404, any error answer) it gives up on. Then
 * the watchers poll every POLL_MS and the line tries again after FIRST_RETRY_MS, doubling
 * up to 10 minutes, so a full server is never hammered.
 */
export class LiveLine {
  private readonly watchers = new Set<LiveWatcher>()
  private source: EventSource | null = null
  private url: string | null = null
  /** Ready was seen on the current source: a second ready means it reconnected. */
  private live = false
  /** What the watchers show may be behind: say so when the line is back. */
  private behind = false
  private retryMs = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private pollTimer: ReturnType<typeof setInterval> | null = null
  private scheduled = false
  /** The server ended the member's line: the bell's wish for one no longer counts. */
  private signedOut = false

  watch(watcher: LiveWatcher): () => void {
    // A bell comes back only after someone signed in.
    if (watcher.onNotifications) this.signedOut = false
    this.watchers.add(watcher)
    this.schedule()
    return () => {
      this.watchers.delete(watcher)
      this.schedule()
    }
  }

  /** React unmounts the old page before it mounts the new one: decide once both are done. */
  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    queueMicrotask(() => {
      this.scheduled = false
      this.reconcile()
    })
  }

  private wantedUrl(): string | null {
    if (this.watchers.size === 0) return null
    let ideaId: number | undefined
    for (const w of this.watchers) if (w.ideaId !== undefined) ideaId = w.ideaId
    // A visitor's tab listens only while it shows an idea: without a bell nothing else needs the line.
    if (ideaId === undefined && (this.signedOut || ![...this.watchers].some((w) => w.onNotifications))) return null
    return api.api.live.$path({ query: ideaId === undefined ? {} : { idea: String(ideaId) } })
  }

  private reconcile(): void {
    const wanted = this.wantedUrl()
    if (wanted === null) {
      this.close()
      this.stopPolling()
      return
    }
    if (this.retryTimer !== null) {
      this.startPolling()
      return
    }
    if (this.source && this.url === wanted) return
    this.close()
    this.open(wanted)
  }

  private open(url: string): void {
    // A browser without server-sent events polls, as a refused one does.
    if (typeof EventSource === 'undefined') {
      this.startPolling()
      return
    }
    const source = new EventSource(url)
    this.source = source
    this.url = url
    this.live = false
    source.addEventListener('ready', () => {
      if (this.live || this.behind) this.each((w) => w.onReconnected?.())
      this.live = true
      this.behind = false
      this.retryMs = 0
      this.stopPolling()
    })
    source.addEventListener('votes', (event) => {
      const data = parse<{ ideaId: number; voteCount: number }>(event)
      if (data) this.each((w) => w.ideaId === data.ideaId && w.onVotes?.(data.voteCount))
    })
    source.addEventListener('comments', (event) => {
      const data = parse<{ ideaId: number; commentCount: number }>(event)
      if (data) this.each((w) => w.ideaId === data.ideaId && w.onComments?.(data.commentCount))
    })
    source.addEventListener('notifications', (event) => {
      const data = parse<{ unread: number }>(event)
      if (data && Number.isFinite(data.unread)) this.each((w) => w.onNotifications?.(data.unread))
    })
    source.addEventListener('end', () => {
      // The tab is a visitor's now: it keeps a line only for an idea page, until someone signs in again.
      this.close()
      this.signedOut = true
      this.each((w) => w.onSessionEnded?.())
      this.schedule()
    })
    source.addEventListener('error', () => {
      if (source !== this.source || source.readyState !== EventSource.CLOSED) return
      this.close()
      this.backOff()
    })
  }

  private backOff(): void {
    this.behind = true
    this.retryMs = Math.min(LAST_RETRY_MS, this.retryMs === 0 ? FIRST_RETRY_MS : this.retryMs * 2)
    // A little spread, so tabs refused together do not all come back in the same second.
    const wait = this.retryMs * (1 + Math.random() * 0.2)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.reconcile()
    }, wait)
    this.startPolling()
  }

  private startPolling(): void {
    if (this.pollTimer !== null) return
    this.pollTimer = setInterval(() => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return
      this.each((w) => w.poll?.())
    }, POLL_MS)
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearInterval(this.pollTimer)
    this.pollTimer = null
  }

  private close(): void {
    this.source?.close()
    this.source = null
    this.url = null
    this.live = false
  }

  private each(call: (watcher: LiveWatcher) => void): void {
    for (const w of [...this.watchers]) call(w)
  }
}

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T
  } catch {
    return null
  }
}

const line = new LiveLine()

/** Listens on this tab's live line until the returned function is called. */
export function watchLive(watcher: LiveWatcher): () => void {
  return line.watch(watcher)
}
