import '../styles/staff.css'
import { useTranslation } from 'react-i18next'
import { RequireRole } from '../features/accounts/components/require-role'
import { AdminNav } from '../features/staff/components/staff-nav'
import { UserSearch } from '../features/staff/components/user-search'
import { PageHeading } from '../ui/page-heading'
import '../lib/i18n-admin'

export function AdminUsersPage() {
  const { t } = useTranslation('admin')
  return (
    <div className="staff-page">
      <AdminNav />
      <PageHeading title={t('users.title')}>{t('users.title')}</PageHeading>
      <RequireRole minRole="admin">{(me) => <UserSearch myId={me.id} />}</RequireRole>
    </div>
  )
}
