import type { Campaign } from '@meedenken/shared'
import { CAMPAIGN_OUTCOME } from '@meedenken/shared/constants'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, Textarea } from '../../../ui/form'
import { useCampaignActions } from '../api/staff-mutations'
import { FormSummary } from './form-summary'

/** What came of a question to the public, published on its page; it takes focus when it opens. */
export function CampaignOutcomeForm({
  campaign,
  onClose,
}: {
  campaign: Campaign
  onClose: (announcement?: string) => void
}) {
  const { t } = useTranslation('staff')
  const { publishOutcome } = useCampaignActions()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const form = useForm({
    scope: `outcome-${campaign.id}`,
    labels: { outcome: t('campaigns.outcome') },
    read: (v) => v.text('outcome'),
    check: (outcome) => ({
      outcome: outcome.length < CAMPAIGN_OUTCOME.min && t('campaigns.errors.outcome', { min: CAMPAIGN_OUTCOME.min }),
    }),
    send: async (outcome) => {
      await publishOutcome.mutateAsync({ id: campaign.id, outcome })
      onClose(t('campaigns.outcomeSaved', { title: campaign.title }))
    },
  })

  useEffect(() => {
    textarea.current?.focus()
  }, [])

  return (
    <div className="campaign-card__form">
      <FormSummary form={form} />
      <form className="form form--compact" {...form.props}>
        <Field {...form.field('outcome')} hint={t('campaigns.outcomeHint', { min: CAMPAIGN_OUTCOME.min })}>
          {(p) => (
            <Textarea
              {...p}
              ref={textarea}
              rows={5}
              maxLength={CAMPAIGN_OUTCOME.max}
              defaultValue={campaign.outcome ?? ''}
            />
          )}
        </Field>
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {t('campaigns.publishOutcome')}
          </Button>
          <Button appearance="secondary" onClick={() => onClose()}>
            {t('campaigns.cancel')}
          </Button>
        </div>
      </form>
    </div>
  )
}
