import { DEPARTMENT_NAME } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { useAdministration } from '../api/staff-mutations'
import { DepartmentNameFields } from './department-name-fields'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

export function NewDepartmentForm() {
  const { t } = useTranslation('staff')
  const { createDepartment } = useAdministration()
  const tooShort = t('departments.errors.name', { min: DEPARTMENT_NAME.min })
  const form = useForm({
    scope: 'newDept',
    labels: { name: t('departments.name'), nameEn: t('departments.nameEn') },
    read: (v) => ({ name: v.text('name'), nameEn: v.text('nameEn') }),
    check: ({ name, nameEn }) => ({
      name: name.length < DEPARTMENT_NAME.min && tooShort,
      nameEn: nameEn.length < DEPARTMENT_NAME.min && tooShort,
    }),
    send: async ({ name, nameEn }) => {
      await createDepartment.mutateAsync({ name, nameEn })
      return t('departments.created', { name })
    },
    resetOnSuccess: true,
  })

  return (
    <div className="work-section">
      <h3>{t('departments.newTitle')}</h3>
      <FormSummary form={form} />
      <form className="form form--compact form--row" {...form.props}>
        <DepartmentNameFields form={form} />
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {t('departments.add')}
          </Button>
        </div>
      </form>
      <SuccessLine>{form.done}</SuccessLine>
    </div>
  )
}
