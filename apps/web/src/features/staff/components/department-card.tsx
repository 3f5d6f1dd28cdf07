import type { Department } from '@meedenken/shared'
import { DEPARTMENT_NAME } from '@meedenken/shared/constants'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { useAdministration } from '../api/staff-mutations'
import { DepartmentNameFields } from './department-name-fields'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

/** One department: its names and themes, and a form to rename it that opens in place. */
export function DepartmentCard({ department, themes }: { department: Department; themes: string[] }) {
  const { t } = useTranslation('staff')
  const { renameDepartment } = useAdministration()
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const firstField = useRef<HTMLInputElement>(null)
  const scope = `dept-${department.id}`
  const tooShort = t('departments.errors.name', { min: DEPARTMENT_NAME.min })
  const form = useForm({
    scope,
    labels: { name: t('departments.name'), nameEn: t('departments.nameEn') },
    read: (v) => ({ name: v.text('name'), nameEn: v.text('nameEn') }),
    check: ({ name, nameEn }) => ({
      name: name.length < DEPARTMENT_NAME.min && tooShort,
      nameEn: nameEn.length < DEPARTMENT_NAME.min && tooShort,
    }),
    send: async ({ name, nameEn }) => {
      await renameDepartment.mutateAsync({ id: department.id, name, nameEn })
      close()
      return t('departments.renamed', { name })
    },
  })

  useEffect(() => {
    if (open) firstField.current?.focus()
  }, [open])

  function close() {
    setOpen(false)
    requestAnimationFrame(() => opener.current?.focus())
  }

  return (
    <article className="department-card" aria-labelledby={`${scope}-title`}>
      <h3 id={`${scope}-title`}>{department.name}</h3>
      <p className="muted">
        {t('departments.inEnglish')}: <span lang="en">{department.nameEn}</span>
      </p>
      <p>
        <strong>{t('departments.themes')}:</strong> {themes.length > 0 ? themes.join(', ') : t('departments.noThemes')}
      </p>
      {open ? (
        <>
          <FormSummary form={form} />
          <form className="form form--compact" {...form.props}>
            <DepartmentNameFields form={form} initial={department} firstField={firstField} />
            <div className="form__actions">
              <Button size="small" type="submit" busy={form.pending}>
                {t('departments.save')}
              </Button>
              <Button
                onClick={() => {
                  form.reset()
                  close()
                }}
                appearance="secondary"
                size="small"
              >
                {t('departments.cancel')}
              </Button>
            </div>
          </form>
        </>
      ) : (
        <Button ref={opener} onClick={() => setOpen(true)} appearance="secondary" size="small">
          {t('departments.rename')}
          <span className="visually-hidden"> ({department.name})</span>
        </Button>
      )}
      <SuccessLine>{form.done}</SuccessLine>
    </article>
  )
}
