import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { LinkButton } from '../../../ui/button'
import { type InboxTrail, positionInTrail } from '../inbox-trail'

/** Right after the status form: done with this idea, on to the next, without hunting for the link. */
export function NextIdeaLink({ id, trail }: { id: number; trail: InboxTrail | null }) {
  const { t } = useTranslation('staff')
  const next = trail ? positionInTrail(trail, id)?.next : null
  if (!trail || next === null || next === undefined) return null
  return (
    <p className="work-next">
      <span>{t('trail.done')}</span>
      <LinkButton appearance="secondary" to={`/medewerkers/ideeen/${next}`} state={{ inbox: trail }}>
        {t('trail.next')}
      </LinkButton>
    </p>
  )
}
