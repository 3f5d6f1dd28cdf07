import { createBrowserRouter } from 'react-router'
import { Layout } from './layout'
import { RouteErrorPage } from './route-error-page'

type PageModule = Record<string, React.ComponentType>

/** A route whose page is its own chunk, loaded when first visited. */
function page(path: string | undefined, load: () => Promise<PageModule>, name: string) {
  const lazy = () => load().then((m) => ({ Component: m[name] }))
  return path === undefined ? { index: true, lazy } : { path, lazy }
}

/**
 * Each page is its own chunk: the idea list stays small, and staff and admin screens
 * never load for residents. Paths are Dutch, like the interface.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorPage standalone />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          page(undefined, () => import('./ideas-page'), 'IdeasPage'),
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
          page('medewerkers/dashboard', () => import('./staff-dashboard-page'), 'StaffDashboardPage'),
          page('medewerkers/meedenkvragen', () => import('./staff-campaigns-page'), 'StaffCampaignsPage'),
          page('beheer/gebruikers', () => import('./admin-users-page'), 'AdminUsersPage'),
          page('beheer/afdelingen', () => import('./admin-departments-page'), 'AdminDepartmentsPage'),
          page('beheer/logboek', () => import('./admin-audit-page'), 'AdminAuditPage'),
          page('dev/mail', () => import('./dev-mail-page'), 'DevMailPage'),
          page('open-data', () => import('./developers-page'), 'DevelopersPage'),
          page('*', () => import('./not-found-page'), 'NotFoundPage'),
        ],
      },
    ],
  },
])
