import { Outlet, useLocation } from 'react-router'
import { ErrorBoundary } from '../ui/error-boundary'
import { RouteErrorPage } from './route-error-page'

/**
 * Where a page goes in the layout. A page that fails to draw or to load shows the error
 * page in the layout, until the next navigation. A page still loading suspends the
 * navigation, which is a transition: the page before it stays on screen meanwhile. No
 * Suspense boundary here: hydration would then finish the layout first and the page
 * later, and a language switch in between would not match the page's HTML.
 */
export function PageOutlet() {
  const location = useLocation()
  return (
    <ErrorBoundary resetKey={location.key} fallback={<RouteErrorPage />}>
      <Outlet />
    </ErrorBoundary>
  )
}
