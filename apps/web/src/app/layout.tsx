import { ROLE_RANK } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, useLocation } from 'react-router'
import { meQuery, useLogout } from '../features/accounts/api/account-queries'
import { siteQuery } from '../features/accounts/api/site-query'
import { NotificationBell } from '../features/notifications/components/notification-bell'
import { NavigationEffects, useNavigateAndWait, usePageLoader } from '../lib/navigation'
import { Alert } from '../ui/alert'
import { SkipLink } from '../ui/skip-link'
import { LanguageSwitch } from './language-switch'
import { PageOutlet } from './page-outlet'

export function Layout() {
  const { t } = useTranslation()
  const location = useLocation()
  const notice = (location.state as { notice?: string } | null)?.notice
  const site = useQuery(siteQuery)
  const header = useRef<HTMLElement>(null)
  // The browser's toolbar in the header's colour, whatever theme the installation uses
  // (THEME, /theme.css): index.html names the default theme's, for the first paint. Read
  // after the next frame, when the styles are worked out anyway: reading them right after
  // hydration would work them out at once, in the task that ends it.
  useEffect(() => {
    const meta = document.querySelector('meta[name="theme-color"]')
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (header.current && meta) meta.setAttribute('content', getComputedStyle(header.current).backgroundColor)
      })
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return (
    <>
      <SkipLink href="#main">{t('skipLink')}</SkipLink>
      <header className="site-header" ref={header}>
        {/* In the header, so it sits in a landmark like everything else on the page. */}
        {site.data?.devMailbox && (
          <p className="demo-banner">
            {t('demoBanner')} <Link to="/dev/mail">{t('demoBannerLink')}</Link>
          </p>
        )}
        <div className="container site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t('appName')}</span>
            <span className="brand__municipality">{t('municipality')}</span>
          </Link>
          <MainNav />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        {notice && (
          <Alert type="ok" className="notice" role="status">
            <p>{notice}</p>
          </Alert>
        )}
        <PageOutlet />
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>{t('footer.about', { municipality: t('municipality') })}</p>
          <p>{t('footer.contact')}</p>
          <p>{t('footer.privacy')}</p>
          <p>
            <Link to="/open-data">{t('footer.api')}</Link>
          </p>
          <p>
            <Link to="/toegankelijkheid">{t('footer.accessibility')}</Link>
          </p>
        </div>
      </footer>
      <NavigationEffects />
    </>
  )
}

function MainNav() {
  const { t } = useTranslation()
  const me = useQuery(meQuery)
  const navigate = useNavigateAndWait()
  const logout = useLogout(async () => {
    // An idea half written stays in this tab's storage: not for the next person here. (Its
    // module comes when needed: the header is on every page.)
    const { clearDraft } = await import('../features/ideas/idea-draft')
    clearDraft()
    // The home page must be on screen before the app forgets the user, or a members-only
    // page still showing would send them to log in.
    return navigate('/', { state: { notice: t('nav.loggedOut') } })
  })
  const loadPage = usePageLoader()
  // The home page's code first: once the session has ended, the members-only page still on
  // screen could see a visitor (the live line tells it) before the home page replaces it.
  const logOut = async () => {
    await loadPage('/').catch(() => undefined)
    logout.mutate()
  }
  const user = me.data
  const staff = user !== null && user !== undefined && ROLE_RANK[user.role] >= ROLE_RANK.staff
  const admin = user !== null && user !== undefined && ROLE_RANK[user.role] >= ROLE_RANK.admin
  return (
    <>
      <nav aria-label={t('nav.label')} className="site-nav">
        <ul>
          <li>
            <NavLink to="/" end>
              {t('nav.ideas')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/meedenkvragen">{t('nav.campaigns')}</NavLink>
          </li>
          <li>
            <NavLink to="/plannen">{t('nav.roadmap')}</NavLink>
          </li>
          <li>
            <NavLink to="/resultaten">{t('nav.results')}</NavLink>
          </li>
        </ul>
      </nav>
      <nav aria-label={t('nav.accountLabel')} className="account-nav">
        <ul>
          {staff && (
            <li>
              <NavLink to="/medewerkers">{t('nav.staff')}</NavLink>
            </li>
          )}
          {admin && (
            <li>
              <NavLink to="/beheer/gebruikers">{t('nav.admin')}</NavLink>
            </li>
          )}
          {user ? (
            <>
              <li>
                <NotificationBell />
              </li>
              <li>
                <NavLink to="/profiel">{t('nav.profile')}</NavLink>
              </li>
              <li>
                <button type="button" className="nav-button" onClick={() => void logOut()}>
                  {t('nav.logout')}
                </button>
              </li>
            </>
          ) : (
            <>
              <li>
                <NavLink to="/inloggen">{t('nav.login')}</NavLink>
              </li>
              <li>
                <NavLink to="/aanmelden">{t('nav.signup')}</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
    </>
  )
}
