import { AsyncLocalStorage } from 'node:async_hooks'
import type { RenderInput, RenderPage, RenderResult } from '@meedenken/api/app'
import type { Locale } from '@meedenken/shared'
import { QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { matchRoutes, StaticRouter } from 'react-router'
import { AppRoutes, createRoutes, loadPages } from './app/router'
import { accountKeys, meQuery } from './features/accounts/api/account-queries'
import { siteQuery } from './features/accounts/api/site-query'
import { answerApiWith } from './lib/api-client'
import { i18n, loadLanguageStrings } from './lib/i18n'
import { SERVER_PAGES } from './ssr/pages'
import { createServerQueryClient, renderWithData } from './ssr/render-with-data'
import { serverState } from './ssr/state'
import { type RenderOutcome, RenderOutcomeContext } from './ssr/status'

/**
 * The server entry (decisions 011 and 020), built by `vite build --ssr` and called by the
 * API (apps/api/src/http/render-page.ts) for the public pages in ssr/pages.ts. Each call
 * gets its own routes, router and QueryClient; nothing is kept between requests.
 */

// The server renders in every language: the list's strings in English too (each page's
// own namespaces come with its modules, in every language).
await loadLanguageStrings()

/**
 * The page being rendered: its API (answered in the API's process, with the visitor's
 * cookie) and its language. The query functions in features/<x>/api call the app's one API
 * client; on the server it asks the API of the request whose render made the call.
 */
const rendering = new AsyncLocalStorage<{ fetch: typeof fetch; locale: Locale }>()
answerApiWith((input, init) => {
  const page = rendering.getStore()
  if (!page) return Promise.reject(new Error('an API call outside a page render'))
  const headers = new Headers(init?.headers)
  headers.set('Accept-Language', page.locale)
  const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost/')
  return page.fetch(url, { ...init, headers })
})

/** Which server-rendered page a path is, or null for the plain shell. */
function serverPage(pathname: string): keyof typeof SERVER_PAGES | null {
  const leaf = matchRoutes(createRoutes(), pathname)?.at(-1)?.route
  const key = leaf?.index ? '/' : leaf?.path
  return key !== undefined && key in SERVER_PAGES ? (key as keyof typeof SERVER_PAGES) : null
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" }

/**
 * The text of the page's h1 (every page has one: ui/page-heading.tsx, which sets the
 * document title in the browser, from an effect the server does not run).
 */
function headingText(html: string): string | null {
  const inner = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]
  if (inner === undefined) return null
  return inner
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .trim()
}

export const render: RenderPage = async (input: RenderInput): Promise<RenderResult | null> => {
  const url = new URL(input.url, 'http://localhost')
  const key = serverPage(url.pathname)
  if (key === null) return null
  const routes = createRoutes()
  // The page's code (and its strings, in every language: the server renders in each).
  await loadPages(routes, url)
  const params = matchRoutes(routes, url.pathname)?.at(-1)?.params ?? {}
  const queryClient = createServerQueryClient()
  try {
    return await rendering.run({ fetch: input.fetch, locale: input.locale }, async () => {
      // Every page shows the header (who is signed in) and uses the site's settings and
      // clock (lib/use-server-now.ts): fetched before the first pass with what the page is
      // known to show, so that pass already counts from the server's time.
      if (!input.signedIn) queryClient.setQueryData(accountKeys.me(), null)
      const page = SERVER_PAGES[key]
      const known = [siteQuery, ...(input.signedIn ? [meQuery] : []), ...(page.alongside?.(params) ?? [])]
      const outcome: RenderOutcome = { status: 200 }
      const rendered = await renderWithData(queryClient, known, () => {
        // From here to the end of the pass nothing is awaited: the language is the i18n
        // instance's (the components and currentLocale() read it), and no other request's
        // render can run between setting it and reading the HTML and the title.
        void i18n.changeLanguage(input.locale)
        outcome.status = 200
        const html = renderToString(
          <RenderOutcomeContext value={outcome}>
            <I18nextProvider i18n={i18n}>
              <QueryClientProvider client={queryClient}>
                <StaticRouter location={url.pathname + url.search}>
                  <AppRoutes routes={routes} />
                </StaticRouter>
              </QueryClientProvider>
            </I18nextProvider>
          </RenderOutcomeContext>,
        )
        const heading = headingText(html)
        const title = heading ? i18n.t('pageTitle', { title: heading }) : i18n.t('appName')
        return { status: outcome.status, title, html }
      })
      return { ...rendered, state: serverState(queryClient, input.locale), modules: [page.module] }
    })
  } finally {
    queryClient.clear()
  }
}
