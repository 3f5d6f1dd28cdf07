import autocannon from 'autocannon'

export type Request = { method?: 'GET' | 'PUT'; path: string; headers?: Record<string, string> }

export type LoadResult = {
  requests: number
  /** Answers with a 2xx status (for votes: votes counted). */
  ok: number
  requestsPerSecond: number
  p50: number
  p90: number
  p99: number
  max: number
  non2xx: number
  errors: number
  timeouts: number
  seconds: number
  bytesPerRequest: number
}

type Context = Record<string, unknown>

/**
 * Runs autocannon against the server with a fresh request for every call: each request
 * comes from `next`, so ids, filters and terms vary and no cache sees the same question
 * twice in a row. `sequence` lists requests sent in turn on one connection (e.g. an idea
 * and then its comments); they share a context object.
 */
export async function measure(options: {
  url: string
  connections: number
  seconds: number
  sequence: ((context: Context) => Request)[]
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
    // autocannon checks its end every sample interval: a short one lets bursts last 0.5 s.
    sampleInt: options.seconds < 2 ? 250 : 1000,
    requests: options.sequence.map((next) => ({
      setupRequest: (req: autocannon.Request, context: object) => {
        const r = next(context as Context)
        return { ...req, method: r.method ?? 'GET', path: r.path, headers: { ...req.headers, ...(r.headers ?? {}) } }
      },
    })),
  })
  const total = result.requests.total
  return {
    requests: total,
    ok: result['2xx'],
    requestsPerSecond: total / (result.duration || options.seconds),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    bytesPerRequest: total > 0 ? result.throughput.total / total : 0,
  }
}
