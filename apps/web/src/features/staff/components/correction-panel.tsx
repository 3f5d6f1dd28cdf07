import type { IdeaCorrectionBody, IdeaDetail } from '@meedenken/shared'
import { CORRECTION_REASON, IDEA_BODY, IDEA_TITLE } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, Select, Textarea, TextInput } from '../../../ui/form'
import { districtsQuery, themesQuery } from '../../catalog/api/catalog-queries'
import { localName } from '../../catalog/local-name'
import type { IdeaWork } from '../api/staff-mutations'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

/**
 * Staff correct an idea: a typo from the intake, the wrong theme or village. Residents see
 * on the idea that the municipality changed it, when, and why (the reason is public).
 */
export function CorrectionPanel({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('werkbak')
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const loaded = themes.isSuccess && districts.isSuccess
  const form = useForm({
    scope: 'correct',
    labels: {
      title: t('correct.titleField'),
      body: t('correct.body'),
      themeId: t('correct.theme'),
      districtId: t('correct.district'),
      reason: t('correct.reason'),
    },
    read: (v) => {
      const title = v.text('title')
      const body = v.text('body')
      const themeId = v.id('themeId')
      const districtId = v.id('districtId')
      // Only what differs from the idea as it is goes to the API, with the reason.
      const changes: IdeaCorrectionBody = { reason: v.text('reason') }
      if (title !== idea.title) changes.title = title
      if (body !== idea.body) changes.body = body
      if (themeId !== idea.themeId) changes.themeId = themeId ?? undefined
      if (districtId !== idea.districtId) changes.districtId = districtId
      return { title, body, changes }
    },
    check: ({ title, body, changes }) => {
      const found = {
        title: title.length < IDEA_TITLE.min && t('correct.errors.title', { min: IDEA_TITLE.min }),
        body: body.length < IDEA_BODY.min && t('correct.errors.body', { min: IDEA_BODY.min }),
        reason:
          changes.reason.length < CORRECTION_REASON.min && t('correct.errors.reason', { min: CORRECTION_REASON.min }),
      }
      const nothing = Object.keys(changes).length === 1 && !Object.values(found).some(Boolean)
      return nothing ? { title: t('correct.errors.nothing') } : found
    },
    send: async ({ changes }) => {
      await work.correct.mutateAsync(changes)
      return t('correct.done')
    },
  })

  return (
    <section className="work-section" aria-labelledby="correct-title">
      <h2 id="correct-title">{t('correct.title')}</h2>
      <details className="correct-details">
        <summary>{t('correct.open')}</summary>
        <p className="public-note">{t('correct.intro')}</p>
        <FormSummary form={form} />
        {/* Made again after each change, so the fields show the idea as it is now. */}
        <form className="form" {...form.props} key={idea.updatedAt}>
          <Field {...form.field('title')}>
            {(p) => <TextInput {...p} type="text" defaultValue={idea.title} maxLength={IDEA_TITLE.max} />}
          </Field>
          <Field {...form.field('body')}>
            {(p) => <Textarea {...p} rows={6} defaultValue={idea.body} maxLength={IDEA_BODY.max} />}
          </Field>
          <Field {...form.field('themeId')}>
            {(p) => (
              <Select {...p} defaultValue={idea.themeId} key={`t-${loaded}-${idea.themeId}`}>
                {themes.data?.items.map((th) => (
                  <option key={th.id} value={th.id}>
                    {localName(th)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field {...form.field('districtId')}>
            {(p) => (
              <Select {...p} defaultValue={idea.districtId ?? ''} key={`d-${loaded}-${idea.districtId}`}>
                <option value="">{t('correct.everywhere')}</option>
                {districts.data?.items.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field {...form.field('reason')} hint={t('correct.reasonHint', { min: CORRECTION_REASON.min })}>
            {(p) => <Textarea {...p} rows={2} maxLength={CORRECTION_REASON.max} />}
          </Field>
          <div className="form__actions">
            <Button type="submit" busy={form.pending}>
              {t('correct.submit')}
            </Button>
          </div>
        </form>
      </details>
      <SuccessLine>{form.done}</SuccessLine>
    </section>
  )
}
