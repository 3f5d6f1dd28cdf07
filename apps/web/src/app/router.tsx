import { type ComponentType, use, useCallback } from 'react'
import { matchRoutes, type RouteObject, useRoutes } from 'react-router'
import { PageLoaderContext } from '../lib/navigation'
import { ErrorBoundary } from '../ui/error-boundary'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'
import { RouteErrorPage } from './route-error-page'

type PageModule = Record<string, ComponentType>

/** A page whose code is a chunk of its own, loaded the first time it is needed. */
type LazyPage = {
  Component: ComponentType | null
  load: () => Promise<ComponentType>
}

function lazyPage(load: () => Promise<PageModule>, name: string): LazyPage {
  let loading: Promise<ComponentType> | null = null
  const page: LazyPage = {
    Component: null,
    load: () => {
      loading ??= load().then(
        (module) => {
          const Component = module[name]
          if (!Component) throw new Error(`the page module has no ${name}`)
          page.Component = Component
          return Component
        },
        (error: unknown) => {
          // A failed download (a deploy, a lost connection) may work on the next visit.
          loading = null
          throw error
        },
      )
      return loading
    },
  }
  return page
}

/** The page, drawn at once when its code is there; else suspended until it is (app/page-outlet.tsx). */
function LazyPageView({ page }: { page: LazyPage }) {
  const Component = page.Component ?? use(page.load())
  return <Component />
}

/** A route whose page is its own chunk, loaded when first visited (its strings come with it). */
function page(path: string | null, load: () => Promise<PageModule>, name: string): RouteObject {
  const lazy = lazyPage(load, name)
  const element = <LazyPageView page={lazy} />
  return path === null ? { index: true, element, handle: lazy } : { path, element, handle: lazy }
}

/**
 * Each page is its own chunk: staff and admin screens never load for residents, and each
 * public page carries only its own code. Paths are Dutch, like the interface. A function,
 * not a constant: the server builds fresh routes for every request it renders.
 *
 * The router is React Router's declarative one (`<BrowserRouter>`, `useRoutes`): the app
 * has no loaders or actions, and the data router would add about 18 kB gzip to every page
 * (decision 032).
 */
export function createRoutes(): RouteObject[] {
  return [
    {
      path: '/',
      element: (
        <ErrorBoundary fallback={<RouteErrorPage standalone />}>
          <Layout />
        </ErrorBoundary>
      ),
      children: [
        page(null, () => import('./ideas-page'), 'IdeasPage'),
        // Before 'ideeen/:id', so "nieuw" is never read as an idea number.
        page('ideeen/nieuw', () => import('./new-idea-page'), 'NewIdeaPage'),
        page('ideeen/:id', () => import('./idea-page'), 'IdeaPage'),
        page('ideeen/:id/bewerken', () => import('./edit-idea-page'), 'EditIdeaPage'),
        page('aanmelden', () => import('./signup-page'), 'SignupPage'),
        page('bevestigen', () => import('./verify-page'), 'VerifyPage'),
        page('inloggen', () => import('./login-page'), 'LoginPage'),
        page('wachtwoord-vergeten', () => import('./forgot-password-page'), 'ForgotPasswordPage'),
        page('nieuw-wachtwoord', () => import('./reset-password-page'), 'ResetPasswordPage'),
        page('profiel', () => import('./profile-page'), 'ProfilePage'),
        page('account-verwijderd', () => import('./account-deleted-page'), 'AccountDeletedPage'),
        page('meedenkvragen', () => import('./campaigns-page'), 'CampaignsPage'),
        page('meedenkvragen/:id', () => import('./campaign-page'), 'CampaignPage'),
        page('plannen', () => import('./roadmap-page'), 'RoadmapPage'),
        page('resultaten', () => import('./scorecard-page'), 'ScorecardPage'),
        page('jij-zei-wij-deden', () => import('./you-said-we-did-page'), 'YouSaidWeDidPage'),
        page('meldingen', () => import('./notifications-page'), 'NotificationsPage'),
        page('afmelden', () => import('./unsubscribe-page'), 'UnsubscribePage'),
        page('medewerkers', () => import('./staff-inbox-page'), 'StaffInboxPage'),
        page('medewerkers/ideeen/:id', () => import('./staff-idea-page'), 'StaffIdeaPage'),
        page('medewerkers/nieuw-idee', () => import('./staff-intake-page'), 'StaffIntakePage'),
        page('medewerkers/moderatie', () => import('./staff-moderation-page'), 'StaffModerationPage'),
        page('medewerkers/deelnemers', () => import('./staff-members-page'), 'StaffMembersPage'),
        page('medewerkers/dashboard', () => import('./staff-dashboard-page'), 'StaffDashboardPage'),
        page('medewerkers/meedenkvragen', () => import('./staff-campaigns-page'), 'StaffCampaignsPage'),
        page('medewerkers/antwoordteksten', () => import('./staff-answer-templates-page'), 'StaffAnswerTemplatesPage'),
        page('beheer/gebruikers', () => import('./admin-users-page'), 'AdminUsersPage'),
        page('beheer/afdelingen', () => import('./admin-departments-page'), 'AdminDepartmentsPage'),
        page('beheer/themas', () => import('./admin-catalog-page'), 'AdminCatalogPage'),
        page('beheer/logboek', () => import('./admin-audit-page'), 'AdminAuditPage'),
        page('dev/mail', () => import('./dev-mail-page'), 'DevMailPage'),
        page('open-data', () => import('./developers-page'), 'DevelopersPage'),
        page('open-data/api', () => import('./api-reference-page'), 'ApiReferencePage'),
        page('toegankelijkheid', () => import('./accessibility-page'), 'AccessibilityPage'),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]
}

/** The routes' pages, drawn where the location says. */
export function AppRoutes({ routes }: { routes: RouteObject[] }) {
  const loadPage = useCallback((pathname: string) => loadPages(routes, { pathname }), [routes])
  return <PageLoaderContext value={loadPage}>{useRoutes(routes)}</PageLoaderContext>
}

/**
 * Loads the pages `location` matches before the app renders, on the server and in the
 * browser: hydration then draws the same page the server rendered (nothing suspends), and
 * a first visit to any page draws it at once.
 */
export async function loadPages(routes: RouteObject[], location: { pathname: string }): Promise<void> {
  const matched = matchRoutes(routes, location) ?? []
  await Promise.all(matched.map(({ route }) => (route.handle as LazyPage | undefined)?.load()))
}
