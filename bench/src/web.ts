import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** BENCHMARKS.md: the web rows run at a 4× CPU slow-down. */
const CPU_SLOWDOWN = 4
/** A card of the idea list. */
export const CARD = '.idea-list > li'
/** A wrong selector or a page that never renders fails within this time, not after a minute. */
const SHOWN_TIMEOUT_MS = 30_000
const LOAD_MORE = 'Meer ideeën laden'

type Marks = { lcp: number; lcpElement: string; longTasks: { start: number; duration: number }[] }
declare global {
  interface Window {
    __bench: Marks
  }
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

/** A fresh context (empty cache), Dutch, desktop-sized, with the CPU slowed down and observers installed. */
async function freshPage(browser: Browser, throttle: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
  })
  const page = await context.newPage()
  if (throttle) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  }
  await page.addInitScript(() => {
    window.__bench = { lcp: 0, lcpElement: '', longTasks: [] }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__bench.lcp = e.startTime
        const element = (e as PerformanceEntry & { element?: Element | null }).element
        window.__bench.lcpElement = element
          ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`
          : ''
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
  return { context, page }
}

export type AssetSize = { url: string; bytes: number; gzipBytes: number }
export type PageAssets = { scripts: AssetSize[]; styles: AssetSize[] }

/**
 * Records every JavaScript and CSS response `page` loads from now on; `done` gives their
 * sizes, compressed here with gzip (level 6, as servers and proxies commonly do), whether
 * or not the server compresses.
 */
function collectAssets(page: Page): { done: () => Promise<PageAssets> } {
  const pending: Promise<(AssetSize & { kind: 'script' | 'style' }) | null>[] = []
  page.on('response', (res) => {
    const type = res.request().resourceType()
    const contentType = res.headers()['content-type'] ?? ''
    const kind: 'script' | 'style' | null =
      type === 'script' || contentType.includes('javascript')
        ? 'script'
        : type === 'stylesheet' || contentType.includes('text/css')
          ? 'style'
          : null
    if (!kind) return
    pending.push(
      res
        .body()
        .then((body) => ({ kind, url: res.url(), bytes: body.length, gzipBytes: gzipSync(body, { level: 6 }).length }))
        .catch(() => null),
    )
  })
  return {
    done: async () => {
      const sizes = (await Promise.all(pending)).filter((s) => s !== null)
      const strip = ({ url: u, bytes, gzipBytes }: AssetSize) => ({ url: u, bytes, gzipBytes })
      return {
        scripts: sizes.filter((s) => s.kind === 'script').map(strip),
        styles: sizes.filter((s) => s.kind === 'style').map(strip),
      }
    },
  }
}

/**
 * Every JavaScript and CSS file a page loads on a first visit (no cache), until what it
 * shows is there and the network is idle: what the app sends for that page.
 */
export async function measureAssets(
  browser: Browser,
  url: string,
  pagePath: string,
  shown: string,
): Promise<PageAssets> {
  const { context, page } = await freshPage(browser, false)
  const assets = collectAssets(page)
  await page.goto(`${url}${pagePath}`, { waitUntil: 'networkidle' })
  await page.locator(shown).first().waitFor({ timeout: SHOWN_TIMEOUT_MS })
  await page.waitForLoadState('networkidle')
  const result = await assets.done()
  await context.close()
  return result
}

export type LcpSample = {
  ms: number
  element: string
  fcpMs: number
  /** The waterfall: when each script and API response ended, to see what LCP waited for. */
  resources: { name: string; startMs: number; endMs: number }[]
  /** With `withAssets`: the page's JavaScript and CSS, as measureAssets gives them. */
  assets?: PageAssets
}

/**
 * Largest contentful paint of a page, cold cache, 4× slower CPU, once `shown` is there.
 * `withAssets` also records the page's JavaScript and CSS on the way (their bodies are read
 * by the browser process, not by the throttled page), which saves a page load.
 */
export async function measureLcp(
  browser: Browser,
  url: string,
  pagePath: string,
  shown: string,
  withAssets = false,
): Promise<LcpSample> {
  const { context, page } = await freshPage(browser, true)
  const assets = withAssets ? collectAssets(page) : null
  await page.goto(`${url}${pagePath}`, { waitUntil: 'load' })
  await page.locator(shown).first().waitFor({ timeout: SHOWN_TIMEOUT_MS })
  await page.waitForLoadState('networkidle')
  // LCP candidates keep coming until the page stops painting bigger things: by now the
  // network has been quiet for 500 ms; give the (4× slower) main thread as long again.
  await page.waitForTimeout(500)
  const marks = await page.evaluate(() => window.__bench)
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    resources: performance.getEntriesByType('resource').map((r) => ({
      name: r.name.replace(location.origin, ''),
      startMs: Math.round(r.startTime),
      endMs: Math.round((r as PerformanceResourceTiming).responseEnd),
    })),
  }))
  const sizes = assets ? await assets.done() : undefined
  await context.close()
  return {
    ms: marks.lcp,
    element: marks.lcpElement,
    fcpMs: timing.fcp,
    resources: timing.resources,
    ...(sizes ? { assets: sizes } : {}),
  }
}

/** One paragraph, no stylesheet, no script: what any page costs this browser on this machine. */
const FLOOR_PAGE =
  '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Meedenken</title></head><body>' +
  '<p>Hier ziet u wat inwoners, ondernemers en organisaties voorstellen, en wat de gemeente ermee doet.</p></body></html>'

/** What shows on FLOOR_PAGE. */
export const FLOOR_SHOWN = 'p'

/**
 * Serves FLOOR_PAGE on loopback until `close`, with the app's opener policy: like the
 * app's pages, it then gets a browser process of its own.
 */
export async function serveFloorPage(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cross-Origin-Opener-Policy': 'same-origin' })
    res.end(FLOOR_PAGE)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type TaskCounts = { count: number; over100: number; over150: number; longestMs: number; seconds: number }

export type LongTaskResult = {
  rows: number
  loading: TaskCounts
  scrolling: TaskCounts & { steps: number }
}

/**
 * Loads the list to `rows` cards with its own "Meer ideeën laden" button, then scrolls to
 * the bottom in wheel steps, recording long tasks (> 50 ms as the browser reports them;
 * the budget counts those over 100 and 150 ms) separately for the loading and the scrolling phase.
 */
export async function measureLongTasks(browser: Browser, url: string, rows: number): Promise<LongTaskResult> {
  const { context, page } = await freshPage(browser, true)
  page.setDefaultTimeout(60_000)
  await page.goto(`${url}/`, { waitUntil: 'load' })
  await page.locator(CARD).first().waitFor()
  const loadStart = await page.evaluate(() => performance.now())
  let count = await page.locator(CARD).count()
  while (count < rows) {
    const button = page.getByRole('button', { name: LOAD_MORE, exact: true })
    if ((await button.count()) === 0) break
    await button.click()
    await page.waitForFunction(
      ([selector, before]) => document.querySelectorAll(selector as string).length > (before as number),
      [CARD, count] as const,
    )
    count = await page.locator(CARD).count()
  }
  // Clicking the button leaves the page at the bottom: back to the top, then read down.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(500)
  const scrollStart = await page.evaluate(() => performance.now())
  await page.mouse.move(640, 400)
  let steps = 0
  for (;;) {
    await page.mouse.wheel(0, 700)
    await page.waitForTimeout(60)
    steps++
    const atBottom = await page.evaluate(
      () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 4,
    )
    if (atBottom || steps > 5000) break
  }
  await page.waitForTimeout(500)
  const end = await page.evaluate(() => performance.now())
  const tasks = (await page.evaluate(() => window.__bench.longTasks)) as { start: number; duration: number }[]
  await context.close()
  const phase = (from: number, to: number): TaskCounts => {
    const inPhase = tasks.filter((t) => t.start >= from && t.start < to)
    return {
      count: inPhase.length,
      over100: inPhase.filter((t) => t.duration > 100).length,
      over150: inPhase.filter((t) => t.duration > 150).length,
      longestMs: inPhase.reduce((m, t) => Math.max(m, t.duration), 0),
      seconds: (to - from) / 1000,
    }
  }
  return { rows: count, loading: phase(loadStart, scrollStart), scrolling: { ...phase(scrollStart, end), steps } }
}
