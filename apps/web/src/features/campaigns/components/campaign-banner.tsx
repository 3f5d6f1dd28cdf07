import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Alert } from '../../../ui/alert'
import { Heading } from '../../../ui/heading'
import { campaignsQuery } from '../api/campaign-queries'

/**
 * Open questions from the municipality, on the home page. It loads with the idea list, so
 * it is tiny: one string from the main catalogue, the questions' own titles, nothing at
 * all while no question is open. Dates and phases are on the question's page.
 */
export function CampaignBanner() {
  const { t } = useTranslation()
  const campaigns = useQuery(campaignsQuery)
  const open = campaigns.data?.filter((c) => c.phase === 'ideas' || c.phase === 'voting') ?? []
  if (open.length === 0) return null
  return (
    <aside aria-labelledby="campaign-banner-title">
      <Alert type="info" className="campaign-banner">
        <Heading level={2} appearance={3} id="campaign-banner-title" className="campaign-banner__title">
          {t('nav.campaignsOpen')}
        </Heading>
        <ul>
          {open.slice(0, 3).map((c) => (
            <li key={c.id}>
              <Link to={`/meedenkvragen/${c.id}`}>{c.title}</Link>
            </li>
          ))}
        </ul>
        {open.length > 3 && (
          <p>
            <Link to="/meedenkvragen">{t('nav.campaigns')}</Link>
          </p>
        )}
      </Alert>
    </aside>
  )
}
