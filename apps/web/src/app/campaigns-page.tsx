import type { Campaign } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { campaignsQuery } from '../features/campaigns/api/campaign-queries'
import { CampaignCard } from '../features/campaigns/components/campaign-card'
import { themesQuery } from '../features/catalog/api/catalog-queries'
import { currentLocale } from '../lib/i18n'
import '../lib/i18n-engage'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../styles/engage.css'
import { namesById } from '../features/catalog/local-name'

type Group = { key: 'open' | 'upcoming' | 'closed'; items: Campaign[] }

/** The municipality's questions: the ones people can take part in now first. */
export function CampaignsPage() {
  const { t } = useTranslation('engage')
  const campaigns = useQuery(campaignsQuery)
  const themes = useQuery(themesQuery)
  const locale = currentLocale()
  const themeName = namesById(themes.data?.items, locale)
  const items = campaigns.data ?? []
  const groups: Group[] = [
    { key: 'open', items: items.filter((c) => c.phase === 'ideas' || c.phase === 'voting') },
    { key: 'upcoming', items: items.filter((c) => c.phase === 'upcoming' || c.phase === 'between') },
    { key: 'closed', items: items.filter((c) => c.phase === 'outcome') },
  ]

  return (
    <>
      <PageHeading title={t('campaigns.title')}>{t('campaigns.title')}</PageHeading>
      <p className="lead">{t('campaigns.intro')}</p>
      {campaigns.isPending && <Loading />}
      {campaigns.isError && <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {campaigns.isSuccess && items.length === 0 && (
        <div className="empty-state">
          <p className="empty-state__title">{t('campaigns.empty')}</p>
        </div>
      )}
      {groups
        .filter((g) => g.items.length > 0)
        .map((group) => (
          <section key={group.key} className="section" aria-labelledby={`campaigns-${group.key}`}>
            <h2 id={`campaigns-${group.key}`}>{t(`campaigns.${group.key}`)}</h2>
            <ul className="idea-list">
              {group.items.map((c) => (
                <li key={c.id}>
                  <CampaignCard campaign={c} themeName={themeName.get(c.themeId)} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  )
}
