import type { AppType, RenderInput, RenderPage, RenderResult } from '@meedenken/api/app'
import { dehydrate, QueryClientProvider } from '@tanstack/react-query'
import { hc } from 'hono/client'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router'
import { createRoutes } from './app/router'
import { i18n, loadOtherNamespaces } from './lib/i18n'
import { createQueryClient } from './lib/query-client'
import { fetchIdeasPage } from './ssr/prefetch'
import type { SsrState } from './ssr/state'

/**
 * The server entry (decision 011), built by `vite build --ssr` and called by the API
 * (apps/api/src/http/render-page.ts) for the idea list. Each call gets its own routes,
 * router and QueryClient; nothing is kept between requests.
 */

// The server renders in every language: add the namespaces the browser loads lazily.
await loadOtherNamespaces()

export const render: RenderPage = async (input: RenderInput): Promise<RenderResult | null> => {
  const url = new URL(input.url, 'http://localhost')
  // Only the idea list has to be fast on a first visit; other pages get the plain shell.
  if (url.pathname !== '/') return null
  const handler = createStaticHandler(createRoutes())
  const context = await handler.query(new Request(url.href))
  if (context instanceof Response) return null
  const queryClient = createQueryClient()
  try {
    const api = hc<AppType>('http://localhost/', {
      fetch: input.fetch,
      headers: { 'Accept-Language': input.locale },
    })
    await fetchIdeasPage(queryClient, api, url.searchParams, input.signedIn)

    // From here to the end nothing is awaited: the language is the i18n instance's (the
    // components and currentLocale() read it), and no other request's render can run
    // between setting it and reading the HTML.
    void i18n.changeLanguage(input.locale)
    const router = createStaticRouter(handler.dataRoutes, context)
    const html = renderToString(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          {/* hydrate={false}: no inline script (the CSP forbids it); the API writes the state as JSON. */}
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </QueryClientProvider>
      </I18nextProvider>,
    )
    const title = i18n.t('pageTitle', { title: i18n.t('ideas:list.title') })
    const state: SsrState = { locale: input.locale, queries: dehydrate(queryClient) }
    return { status: context.statusCode, title, html, state }
  } finally {
    queryClient.clear()
  }
}
