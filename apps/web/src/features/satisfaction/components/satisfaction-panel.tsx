import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-engage-idea'
import { satisfactionQuery } from '../api/satisfaction-queries'
import { FollowupForm } from './followup-form'
import { RatingForm } from './rating-form'

/**
 * "Uw mening": for signed-in people involved in the idea (author, voters, followers), the
 * satisfaction question about the municipality's latest step, earlier steps folded away,
 * and the follow-up question once it is asked.
 */
export function SatisfactionPanel({ ideaId }: { ideaId: number }) {
  const { t } = useTranslation('engage')
  const satisfaction = useQuery(satisfactionQuery(ideaId))
  const data = satisfaction.data
  if (!data || data.occasions.length === 0) return null
  if (!data.canRate) {
    return <p className="satisfaction__hint">{t('satisfaction.notInvolved')}</p>
  }
  const [latest, ...earlier] = data.occasions
  return (
    <section className="section satisfaction" aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title">{t('satisfaction.title')}</h2>
      {data.followup?.open && (
        <FollowupForm ideaId={ideaId} answer={data.followup.myAnswer} remark={data.followup.myRemark} />
      )}
      {latest && <RatingForm key={`${latest.type}-${latest.id}`} ideaId={ideaId} occasion={latest} latest />}
      {earlier.length > 0 && (
        <details className="satisfaction__earlier">
          <summary>{t('satisfaction.earlier', { count: earlier.length })}</summary>
          {earlier.map((occasion) => (
            <RatingForm key={`${occasion.type}-${occasion.id}`} ideaId={ideaId} occasion={occasion} latest={false} />
          ))}
        </details>
      )}
    </section>
  )
}
