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
    send: (event) => {
      received.push(event)
    },
    close: () => {},
  }
}

describe('live hub', () => {
  it('sends a listener only what happened after it connected, also while others keep the hub polling', async () => {
    const ctx = createTestApp()
    const idea = await makeIdea(ctx.db, {
      authorId: (await makeUser(ctx.db)).id,
      themeId: (await makeTheme(ctx.db)).id,
    })
    // A long interval: the test polls by hand.
    const hub = new LiveHub(ctx.db, undefined, 60_000)
    const early = listener(idea.id)
    await hub.subscribe(early)

    // Comments written, then a second page opens before the hub has read them.
    await emitIdeaEvent(ctx.db, 'comments', idea.id, 1, 1)
    await emitIdeaEvent(ctx.db, 'comments', idea.id, 2, 2)
    const late = listener(idea.id)
    await hub.subscribe(late)
    await hub.poll()
    expect(early.received.map((e) => e.value)).toEqual([1, 2])
    expect(late.received).toEqual([])

    await emitIdeaEvent(ctx.db, 'comments', idea.id, 3, 3)
    await hub.poll()
    expect(early.received.map((e) => e.value)).toEqual([1, 2, 3])
    expect(late.received.map((e) => e.value)).toEqual([3])
    hub.stop()
  })
})
