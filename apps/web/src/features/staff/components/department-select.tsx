import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { localName } from '../../catalog/local-name'
import { departmentsQuery } from '../api/staff-queries'
import { SelectAndSave } from './select-and-save'

/** Which department a theme or a colleague belongs to, changed in place ('' is none). */
export function DepartmentSelect({
  id,
  label,
  current,
  onSave,
}: {
  id: string
  label: string
  current: number | null
  onSave: (departmentId: number | null) => Promise<unknown>
}) {
  const { t } = useTranslation('staff')
  const departments = useQuery(departmentsQuery)
  const options = [
    { value: '', label: t('common.noDepartment') },
    ...(departments.data?.items.map((d) => ({ value: String(d.id), label: localName(d) })) ?? []),
  ]
  return (
    <SelectAndSave
      id={id}
      label={label}
      options={options}
      current={current === null ? '' : String(current)}
      saveLabel={t('departments.save')}
      savedText={t('departments.saved')}
      onSave={(value) => onSave(value ? Number(value) : null)}
    />
  )
}
