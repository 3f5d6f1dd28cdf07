import { hydrate, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, StrictMode, startTransition, useEffect } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { BrowserRouter } from 'react-router'
import { AppRoutes, createRoutes, loadPages } from './app/router'
import { applyStoredLocale, i18n, loadLanguageStrings } from './lib/i18n'
import { createQueryClient } from './lib/query-client'
import { replayEarlyClick, stopKeepingClicks } from './ssr/early-click'
import { readSsrState } from './ssr/state'

/**
 * Once hydration is done: a button tapped before the app ran gets its click, and a visitor
 * who chose another language than the server rendered in (their choice is in local
 * storage, which the server cannot read) gets it; switching before would make hydration
 * fail.
 */
function AfterHydration({ children }: { children: ReactNode }) {
  useEffect(() => {
    replayEarlyClick()
    // Local storage is slow to open on a phone: in a task of its own, not in the one that
    // ends hydration.
    const timer = setTimeout(applyStoredLocale)
    return () => clearTimeout(timer)
  }, [])
  return children
}

/** Hydrates the server-rendered page, or renders the app into an empty shell. */
async function start(): Promise<void> {
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  const ssr = readSsrState()
  const queryClient = createQueryClient()
  // The data the server rendered with: the first render shows the same and asks for nothing.
  if (ssr) hydrate(queryClient, ssr.queries)
  const routes = createRoutes()
  // The page's strings in its language (English ones are not in the first JavaScript).
  await Promise.all([loadPages(routes, window.location), loadLanguageStrings()])
  const app = (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes routes={routes} />
          </BrowserRouter>
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>
  )
  stopKeepingClicks()
  if (ssr) {
    // In a transition, React hydrates in slices of a few milliseconds and lets the browser
    // answer a tap in between, instead of one task of a few hundred on a slow phone.
    startTransition(() => {
      hydrateRoot(root, <AfterHydration>{app}</AfterHydration>)
    })
  } else {
    createRoot(root).render(app)
  }
}

void start()
