import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import '../../../lib/i18n-records'
import '../../../lib/i18n-staff'
import '../../../lib/i18n-werkbak'

/** The staff workspace's own menu, above every staff page. */
export function StaffNav() {
  const { t } = useTranslation(['staff', 'werkbak', 'records'])
  return (
    <nav className="subnav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to="/medewerkers" end>
            {t('nav.inbox')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/medewerkers/nieuw-idee">{t('nav.intake')}</NavLink>
        </li>
        <li>
          <NavLink to="/medewerkers/moderatie">{t('nav.moderation')}</NavLink>
        </li>
        <li>
          <NavLink to="/medewerkers/deelnemers">{t('records:nav.members')}</NavLink>
        </li>
        <li>
          <NavLink to="/medewerkers/dashboard">{t('nav.dashboard')}</NavLink>
        </li>
        <li>
          <NavLink to="/medewerkers/meedenkvragen">{t('nav.campaigns')}</NavLink>
        </li>
        <li>
          <NavLink to="/medewerkers/antwoordteksten">{t('werkbak:nav.templates')}</NavLink>
        </li>
      </ul>
    </nav>
  )
}

/** The administration's menu: people, departments and settings, the log. */
export function AdminNav() {
  const { t } = useTranslation(['staff', 'records'])
  return (
    <nav className="subnav" aria-label={t('adminNav.label')}>
      <ul>
        <li>
          <NavLink to="/beheer/gebruikers">{t('adminNav.users')}</NavLink>
        </li>
        <li>
          <NavLink to="/beheer/afdelingen">{t('adminNav.departments')}</NavLink>
        </li>
        <li>
          <NavLink to="/beheer/themas">{t('records:nav.catalog')}</NavLink>
        </li>
        <li>
          <NavLink to="/beheer/logboek">{t('adminNav.audit')}</NavLink>
        </li>
      </ul>
    </nav>
  )
}
