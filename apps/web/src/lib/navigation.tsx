import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef } from 'react'
import { type NavigateOptions, resolvePath, type To, useLocation, useNavigate, useNavigationType } from 'react-router'

/** Loads the code of the page at a path (app/router.tsx provides it). */
export const PageLoaderContext = createContext<(pathname: string) => Promise<void>>(async () => {})

/** A function that loads the code of the page at a path, before navigating there. */
export function usePageLoader(): (pathname: string) => Promise<void> {
  return useContext(PageLoaderContext)
}

/** Navigations waiting for their page to be on screen (useNavigateAndWait). */
const waiting = new Set<() => void>()

/**
 * `navigate`, once the new page's code is there, resolving once that page is on screen: a
 * form stays busy until then, and logging out forgets the person only when the
 * members-only page being left is gone.
 */
export function useNavigateAndWait(): (to: To, options?: NavigateOptions) => Promise<void> {
  const navigate = useNavigate()
  const loadPage = usePageLoader()
  const { pathname } = useLocation()
  return useCallback(
    async (to, options) => {
      // A page whose code cannot be loaded shows its error once navigated to.
      await loadPage(resolvePath(to, pathname).pathname).catch(() => undefined)
      await new Promise<void>((resolve) => {
        waiting.add(resolve)
        void navigate(to, options)
      })
    },
    [navigate, loadPage, pathname],
  )
}

/** Where each page of this tab's history was scrolled to, kept across a reload (as React Router does). */
const STORAGE_KEY = 'react-router-scroll-positions'

function savedPositions(): Record<string, number> {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as unknown
    return saved && typeof saved === 'object' ? (saved as Record<string, number>) : {}
  } catch {
    return {}
  }
}

/** This page came from the tab's history again (a reload, or Back to it from another site). */
function cameBack(): boolean {
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
  return entry?.type === 'reload' || entry?.type === 'back_forward'
}

/**
 * The layout's part in navigations: a new page starts at the top (or at its `#anchor`),
 * Back and Forward return to where the page was scrolled, and so does a reload; the first
 * page keeps what the browser did. Then the navigations waiting for this page resolve.
 * The positions of this document's pages are kept in memory; the tab's stored ones are
 * read only when needed (session storage is slow to open on a phone, not for every page).
 */
export function NavigationEffects() {
  const location = useLocation()
  const type = useNavigationType()
  const seen = useRef<Record<string, number>>({})
  const current = useRef(location.key)

  useEffect(() => {
    window.history.scrollRestoration = 'manual'
    const record = () => {
      seen.current[current.current] = window.scrollY
    }
    const save = () => {
      record()
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...savedPositions(), ...seen.current }))
      } catch {
        // private mode: positions last for this page only
      }
      window.history.scrollRestoration = 'auto'
    }
    // A reload comes back to where the page was.
    const reloaded = cameBack() ? savedPositions()[current.current] : undefined
    if (typeof reloaded === 'number') window.scrollTo(0, reloaded)
    window.addEventListener('scroll', record, { passive: true })
    window.addEventListener('pagehide', save)
    return () => {
      window.removeEventListener('scroll', record)
      window.removeEventListener('pagehide', save)
      window.history.scrollRestoration = 'auto'
    }
  }, [])

  useLayoutEffect(() => {
    if (current.current === location.key) return
    current.current = location.key
    const saved = type === 'POP' ? (seen.current[location.key] ?? savedPositions()[location.key]) : undefined
    if (typeof saved === 'number') {
      window.scrollTo(0, saved)
    } else {
      const anchor = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null
      if (anchor) anchor.scrollIntoView()
      else window.scrollTo(0, 0)
    }
    for (const resolve of waiting) resolve()
    waiting.clear()
  }, [location, type])

  return null
}
