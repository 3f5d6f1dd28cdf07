import type { InboxTab, WerkbakPage } from '@meedenken/shared'
import { INBOX_TABS, WERKBAK_COUNT_CAP } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import { useCountText } from '../use-count-text'
import { viewSearch, type WerkbakView } from '../werkbak-view'

/** The Werkbak's tabs with their counts; the filters stay when switching tabs. */
export function InboxTabs({ view, counts }: { view: WerkbakView; counts: WerkbakPage['counts'] | undefined }) {
  const { t } = useTranslation('staff')
  const countText = useCountText()
  const href = (name: InboxTab) => `/medewerkers?${viewSearch({ tab: name, filters: view.filters })}`
  return (
    <nav className="inbox-tabs" aria-label={t('inbox.tabsLabel')}>
      <ul>
        {INBOX_TABS.map((name) => (
          <li key={name}>
            <Link
              to={href(name)}
              aria-current={name === view.tab ? 'page' : undefined}
              className={`inbox-tabs__tab${name === 'overdue' && (counts?.overdue ?? 0) > 0 ? ' inbox-tabs__tab--alert' : ''}`}
            >
              {t(`inbox.tabs.${name}`)}
              {counts && (
                <>
                  {' '}
                  <span className="inbox-tabs__count" aria-hidden="true">
                    {counts[name] >= WERKBAK_COUNT_CAP ? `${WERKBAK_COUNT_CAP}+` : counts[name]}
                  </span>
                  <span className="visually-hidden"> ({countText(counts[name])})</span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
