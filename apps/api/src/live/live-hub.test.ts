import { describe, expect, it } from 'vitest'
import { makeIdea, makeTheme, makeUser } from '../test/fixtures'
import { createTestApp } from '../test/test-app'
import { emitIdeaEvent, type LiveEvent } from './live.data'
import { LiveHub, type Subscriber } from './live-hub'

function listener(ideaId: number): Subscriber & { received: LiveEvent[] } {
  const received: LiveEvent[] = []
  return {
    ideaId,
    userId: null,
    sessionId: null,
    client: 'ip:192.0.2.1',
    received,
    send: (event) => received.push(event),
    close: () => {},
  }
}

describe('live hub', () => {
  it('sends a listener only what happened after it connected, also while others keep the hub polling', () => {
    const ctx = createTestApp()
    const idea = makeIdea(ctx.db, { authorId: makeUser(ctx.db).id, themeId: makeTheme(ctx.db).id })
    // A long interval: the test polls by hand.
    const hub = new LiveHub(ctx.db, undefined, 60_000)
    const early = listener(idea.id)
    hub.subscribe(early)

    // Comments written, then a second page opens before the hub has read them.
    emitIdeaEvent(ctx.db, 'comments', idea.id, 1, 1)
    emitIdeaEvent(ctx.db, 'comments', idea.id, 2, 2)
    const late = listener(idea.id)
    hub.subscribe(late)
    hub.poll()
    expect(early.received.map((e) => e.value)).toEqual([1, 2])
    expect(late.received).toEqual([])

    emitIdeaEvent(ctx.db, 'comments', idea.id, 3, 3)
    hub.poll()
    expect(early.received.map((e) => e.value)).toEqual([1, 2, 3])
    expect(late.received.map((e) => e.value)).toEqual([3])
    hub.stop()
  })
})
