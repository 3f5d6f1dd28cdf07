import '../lib/i18n-records'
import '../lib/i18n-staff'
import '../styles/staff.css'
import { useTranslation } from 'react-i18next'
import { RequireRole } from '../features/accounts/components/require-role'
import { AuditLog } from '../features/staff/components/audit-log'
import { AdminNav } from '../features/staff/components/staff-nav'
import { PageHeading } from '../ui/page-heading'

export function AdminAuditPage() {
  const { t } = useTranslation('staff')
  return (
    <RequireRole minRole="admin">
      {() => (
        <div className="staff-page">
          <AdminNav />
          <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
          <p className="lead">{t('audit.intro')}</p>
          <AuditLog />
        </div>
      )}
    </RequireRole>
  )
}
