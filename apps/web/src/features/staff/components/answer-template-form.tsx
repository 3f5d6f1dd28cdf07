import type { AnswerTemplate, Department } from '@meedenken/shared'
import { ANSWER_TEMPLATE_BODY, ANSWER_TEMPLATE_TITLE } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, Select, Textarea, TextInput } from '../../../ui/form'
import { localName } from '../../catalog/local-name'
import type { useTemplateActions } from '../api/staff-mutations'
import { FormSummary } from './form-summary'

/** A new answer text for a department, or one being changed. */
export function AnswerTemplateForm({
  editing,
  departments,
  actions,
  onDone,
  onCancel,
}: {
  editing: AnswerTemplate | null
  departments: Department[]
  actions: ReturnType<typeof useTemplateActions>
  onDone: (message: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation('werkbak')
  const form = useForm({
    scope: 'template',
    labels: {
      departmentId: t('templates.department'),
      title: t('templates.titleField'),
      body: t('templates.body'),
    },
    read: (v) => ({ departmentId: v.id('departmentId'), title: v.text('title'), body: v.text('body') }),
    check: (v) => ({
      departmentId: !v.departmentId && t('templates.errors.department'),
      title:
        v.title.length < ANSWER_TEMPLATE_TITLE.min && t('templates.errors.title', { min: ANSWER_TEMPLATE_TITLE.min }),
      body: v.body.length < ANSWER_TEMPLATE_BODY.min && t('templates.errors.body', { min: ANSWER_TEMPLATE_BODY.min }),
    }),
    send: async ({ departmentId, title, body }) => {
      const input = { departmentId: departmentId ?? 0, title, body }
      if (editing) await actions.update.mutateAsync({ id: editing.id, body: input })
      else await actions.create.mutateAsync(input)
      onDone(editing ? t('templates.saved', { title }) : t('templates.added', { title }))
    },
    resetOnSuccess: true,
  })

  return (
    <>
      <p className="utrecht-form-field-description">{t('templates.placeholders')}</p>
      <FormSummary form={form} />
      <form className="form" {...form.props}>
        <Field {...form.field('departmentId')}>
          {(p) => (
            <Select {...p} defaultValue={editing?.departmentId ?? ''}>
              <option value="">{t('templates.chooseDepartment')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {localName(d)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field {...form.field('title')} hint={t('templates.titleHint')}>
          {(p) => <TextInput {...p} type="text" maxLength={ANSWER_TEMPLATE_TITLE.max} defaultValue={editing?.title} />}
        </Field>
        <Field {...form.field('body')} hint={t('templates.bodyHint')}>
          {(p) => <Textarea {...p} rows={8} maxLength={ANSWER_TEMPLATE_BODY.max} defaultValue={editing?.body} />}
        </Field>
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {editing ? t('templates.save') : t('templates.add')}
          </Button>
          {editing && (
            <Button appearance="secondary" onClick={onCancel}>
              {t('templates.cancel')}
            </Button>
          )}
        </div>
      </form>
    </>
  )
}
