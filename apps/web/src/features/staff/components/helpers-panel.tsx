import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDate } from '../../../lib/format'
import { QueryState } from '../../../ui/query-state'
import { helpersQuery } from '../api/staff-queries'

/** Members who offered to help ("ik denk mee"), with their address so staff can contact them. */
export function HelpersPanel({ ideaId }: { ideaId: number }) {
  const { t } = useTranslation('staff')
  const helpers = useQuery(helpersQuery(ideaId))
  return (
    <section className="work-section work-section--side" aria-labelledby="helpers-title">
      <h2 id="helpers-title">{t('helpers.title')}</h2>
      <QueryState query={helpers} empty={<p className="muted">{t('helpers.none')}</p>}>
        {(data) => (
          <ul className="work-log">
            {data.items.map((h) => (
              <li key={h.userId}>
                <p>
                  <strong>{h.displayName}</strong>
                  {h.email && (
                    <>
                      {' · '}
                      <a href={`mailto:${h.email}`}>{h.email}</a>
                    </>
                  )}
                </p>
                {h.note && <p className="pre-wrap">{h.note}</p>}
                <p className="work-log__when">{t('helpers.since', { date: formatDate(h.createdAt) })}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  )
}
