import { expect, it } from 'vitest'
import { call, cluster, DEMO_MEMBER, DEMO_PASSWORD, logIn, openStream, processes, votableIdeas } from './cluster-client'

const ROUNDS = 5

it('a vote on process A reaches a live stream held by process C within 2 seconds', async () => {
  const [a, , c] = processes()
  if (!a || !c) throw new Error('three processes expected')
  const cookie = await logIn(a.url, DEMO_MEMBER, DEMO_PASSWORD)
  const [idea] = await votableIdeas(cookie, 1)
  // One stream on C directly, one through nginx (proxy_buffering off passes each event on at once).
  const onC = await openStream(c.url, `?idea=${idea}`)
  const viaNginx = await openStream(cluster().url, `?idea=${idea}`)
  const delays: number[] = []
  const nginxDelays: number[] = []
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const vote = round % 2 === 0
      const sent = Date.now()
      const answer = await call(a.url, `/api/ideas/${idea}/vote`, { method: vote ? 'PUT' : 'DELETE', cookie })
      expect(answer.status).toBe(200)
      const { voteCount } = answer.json<{ voteCount: number }>()
      const arrival = async (stream: typeof onC) => {
        const deadline = sent + 5_000
        for (;;) {
          const got = stream.messages.find(
            (m) =>
              m.event === 'votes' &&
              m.at >= sent &&
              (m.data as { ideaId: number; voteCount: number }).voteCount === voteCount,
          )
          if (got) return got.at - sent
          if (Date.now() > deadline) return Number.POSITIVE_INFINITY
          await new Promise((r) => setTimeout(r, 20))
        }
      }
      const [onCDelay, nginxDelay] = await Promise.all([arrival(onC), arrival(viaNginx)])
      delays.push(onCDelay)
      nginxDelays.push(nginxDelay)
    }
  } finally {
    onC.close()
    viaNginx.close()
  }
  console.info(
    `live: ${ROUNDS} votes on process ${a.index + 1} reached the stream on process ${c.index + 1} after ${delays.join(', ')} ms ` +
      `(slowest ${Math.max(...delays)} ms), and a stream through nginx after ${nginxDelays.join(', ')} ms`,
  )
  for (const d of [...delays, ...nginxDelays]) expect(d).toBeLessThan(2000)
})
