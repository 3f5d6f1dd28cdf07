import type { Role } from '@meedenken/shared'
import { ROLES } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import { useRoleChange } from '../api/user-admin'
import { SelectAndSave } from './select-and-save'
import '../../../lib/i18n-admin'

/** Someone's role, changed in place. */
export function UserRoleForm({ userId, name, role }: { userId: number; name: string; role: Role }) {
  const { t } = useTranslation('admin')
  const change = useRoleChange(userId)
  return (
    <SelectAndSave
      id={`role-${userId}`}
      label={t('users.roleOf', { name })}
      options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      current={role}
      saveLabel={t('users.save')}
      savedText={t('users.saved')}
      onSave={(value) => change.mutateAsync(value as Role)}
    />
  )
}
