import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router'
import { LanguageSwitch } from './language-switch'

export function Layout() {
  const { t } = useTranslation()
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t('appName')}</span>
            <span className="brand__municipality">{t('municipality')}</span>
          </Link>
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.ideas')}
                </NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>{t('footer.about', { municipality: t('municipality') })}</p>
          <p>{t('footer.contact')}</p>
          <p>{t('footer.privacy')}</p>
          <p>
            <Link to="/open-data">{t('footer.api')}</Link>
          </p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  )
}
