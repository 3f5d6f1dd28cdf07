import { call, cluster, type Member } from './cluster-client'

export type Failure = { what: string; started: number; ended: number; outcome: string }

export type TrafficReport = {
  requests: number
  /** Writes answered with 2xx: staff notes (POST) and votes (PUT/DELETE). */
  acknowledged: { notes: { ideaId: number; body: string }[]; votes: number }
  /** The last acknowledged state of each member × idea, when no later request left it unknown. */
  voteStates: Map<string, { userId: number; ideaId: number; voted: boolean }>
  failures: Failure[]
}

/**
 * People using the site through nginx until stop(): staff writing internal notes (POST: nginx
 * never sends it twice), members voting and taking votes back (PUT, DELETE), visitors
 * reading the list and idea pages. Every answer is counted; anything but a 2xx, or a
 * connection that broke, is a failure.
 */
export function startTraffic(options: { tag: string; staffCookie: string; members: Member[]; ideas: number[] }) {
  const { url } = cluster()
  const report: TrafficReport = {
    requests: 0,
    acknowledged: { notes: [], votes: 0 },
    voteStates: new Map(),
    failures: [],
  }
  let running = true

  async function attempt(what: string, send: () => Promise<{ status: number; text: string }>) {
    const started = Date.now()
    report.requests++
    try {
      const answer = await send()
      if (answer.status >= 200 && answer.status < 300) return true
      report.failures.push({
        what,
        started,
        ended: Date.now(),
        outcome: `${answer.status} ${answer.text.slice(0, 120)}`,
      })
    } catch (error) {
      report.failures.push({ what, started, ended: Date.now(), outcome: String(error) })
    }
    return false
  }

  const pick = (n: number) => options.ideas[n % options.ideas.length] ?? 0
  const loops: Promise<void>[] = []
  // Staff notes: four writers.
  for (let w = 0; w < 4; w++) {
    loops.push(
      (async () => {
        for (let n = 0; running; n++) {
          const ideaId = pick(w + n)
          const body = `${options.tag}-w${w}-n${n}`
          const ok = await attempt(`POST note ${body}`, () =>
            call(url, `/api/staff/ideas/${ideaId}/notes`, {
              method: 'POST',
              cookie: options.staffCookie,
              body: { body },
            }),
          )
          if (ok) report.acknowledged.notes.push({ ideaId, body })
        }
      })(),
    )
  }
  // Members voting and taking it back.
  options.members.forEach((member, m) => {
    loops.push(
      (async () => {
        for (let n = 0; running; n++) {
          const ideaId = pick(m + n)
          const vote = n % 3 !== 2
          const key = `${member.userId}:${ideaId}`
          const method = vote ? 'PUT' : 'DELETE'
          const ok = await attempt(`${method} vote ${key}`, () =>
            call(url, `/api/ideas/${ideaId}/vote`, { method, cookie: member.cookie }),
          )
          if (ok) {
            report.acknowledged.votes++
            report.voteStates.set(key, { userId: member.userId, ideaId, voted: vote })
          }
          // Nobody knows whether a failed vote request took effect: that pair is not checked.
          else report.voteStates.delete(key)
        }
      })(),
    )
  })
  // Visitors reading.
  for (let r = 0; r < 4; r++) {
    loops.push(
      (async () => {
        for (let n = 0; running; n++) {
          const path = n % 2 === 0 ? `/api/ideas/${pick(r + n)}` : '/api/ideas?sort=new'
          await attempt(`GET ${path}`, () => call(url, path))
        }
      })(),
    )
  }
  return {
    report,
    stop: async (): Promise<TrafficReport> => {
      running = false
      await Promise.all(loops)
      return report
    },
  }
}
