import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import { LinkButton } from '../../../ui/button'
import { type InboxTrail, positionInTrail, trailHref } from '../inbox-trail'

/** Back to the Werkbak tab this idea was opened from, where it is in that list, and the next one. */
export function WorkTrailNav({ id, trail }: { id: number; trail: InboxTrail | null }) {
  const { t } = useTranslation('staff')
  const position = trail ? positionInTrail(trail, id) : null
  return (
    <nav className="work-trail" aria-label={t('trail.label')}>
      <Link to={trailHref(trail)}>
        {trail ? t('trail.back', { tab: t(`inbox.tabs.${trail.tab}`) }) : t('idea.backToInbox')}
      </Link>
      {trail && position && (
        <>
          <span className="work-trail__position">
            {t('trail.position', { index: position.index + 1, total: trail.ids.length })}
          </span>
          {position.next !== null ? (
            <LinkButton
              className="work-trail__next"
              to={`/medewerkers/ideeen/${position.next}`}
              state={{ inbox: trail }}
              size="small"
            >
              {t('trail.next')}
            </LinkButton>
          ) : (
            <span className="work-trail__position">{t('trail.last')}</span>
          )}
        </>
      )}
    </nav>
  )
}
