import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'

let isFirstPage = true

/**
 * The page's h1. It sets the document title and, after a navigation (not on the first
 * load), takes focus, so screen-reader and keyboard users start at the new content.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null)
  const { pathname } = useLocation()
  const { t } = useTranslation()

  useEffect(() => {
    document.title = t('pageTitle', { title })
  }, [t, title])

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves on each new path, which is the point
  useEffect(() => {
    if (isFirstPage) {
      isFirstPage = false
      return
    }
    ref.current?.focus({ preventScroll: false })
  }, [pathname])

  return (
    <h1 ref={ref} tabIndex={-1} className="nl-heading nl-heading--level-1 page-heading">
      {children}
    </h1>
  )
}
