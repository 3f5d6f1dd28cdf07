import { matchRoutes, type RouteObject } from 'react-router'
import { loadOtherNamespaces } from '../lib/i18n'
import { IdeasPage } from './ideas-page'
import { Layout } from './layout'
import { RouteErrorPage } from './route-error-page'

type PageModule = Record<string, React.ComponentType>

/**
 * A route whose page is its own chunk, loaded when first visited, together with the rest
 * of the translation catalogue (accounts, admin): the idea list's JavaScript carries
 * only the strings the list shows.
 */
function page(path: string, load: () => Promise<PageModule>, name: string): RouteObject {
  const lazy = () => Promise.all([load(), loadOtherNamespaces()]).then(([m]) => ({ Component: m[name] }))
  return { path, lazy }
}

/**
 * Each page is its own chunk: the idea list stays small, and staff and admin screens
 * never load for residents. The idea list itself, the home page, is in the main chunk:
 * the server renders it (decision 011) and the browser hydrates it without first
 * fetching another file. Paths are Dutch, like the interface. A function, not a
 * constant: the server builds fresh routes for every request it renders.
 */
export function createRoutes(): RouteObject[] {
  return [
    {
      path: '/',
      element: <Layout />,
      errorElement: <RouteErrorPage standalone />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, Component: IdeasPage },
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
            page(
              'medewerkers/antwoordteksten',
              () => import('./staff-answer-templates-page'),
              'StaffAnswerTemplatesPage',
            ),
            page('beheer/gebruikers', () => import('./admin-users-page'), 'AdminUsersPage'),
            page('beheer/afdelingen', () => import('./admin-departments-page'), 'AdminDepartmentsPage'),
            page('beheer/themas', () => import('./admin-catalog-page'), 'AdminCatalogPage'),
            page('beheer/logboek', () => import('./admin-audit-page'), 'AdminAuditPage'),
            page('dev/mail', () => import('./dev-mail-page'), 'DevMailPage'),
            page('open-data', () => import('./developers-page'), 'DevelopersPage'),
            page('open-data/api', () => import('./api-reference-page'), 'ApiReferencePage'),
            page('toegankelijkheid', () => import('./accessibility-page'), 'AccessibilityPage'),
            page('*', () => import('./not-found-page'), 'NotFoundPage'),
          ],
        },
      ],
    },
  ]
}

/**
 * Loads the pages `location` matches before the router starts, as React Router's
 * server-rendering guide does: hydration then finds the same page the server rendered
 * (no fallback in between), and a first visit to any page renders it at once.
 */
export async function resolveLazyRoutes(routes: RouteObject[], location: { pathname: string }): Promise<void> {
  const lazy = (matchRoutes(routes, location) ?? []).filter((m) => typeof m.route.lazy === 'function')
  await Promise.all(
    lazy.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return
      const resolved = await route.lazy()
      Object.assign(route, { ...resolved, lazy: undefined })
    }),
  )
}
