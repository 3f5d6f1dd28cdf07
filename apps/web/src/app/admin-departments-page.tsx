import '../lib/i18n-staff'
import '../styles/staff.css'
import { useTranslation } from 'react-i18next'
import { RequireRole } from '../features/accounts/components/require-role'
import { ColleagueDepartmentsTable } from '../features/staff/components/colleague-departments-table'
import { DepartmentList } from '../features/staff/components/department-list'
import { SettingsSection } from '../features/staff/components/settings-section'
import { AdminNav } from '../features/staff/components/staff-nav'
import { ThemeRoutingTable } from '../features/staff/components/theme-routing-table'
import { PageHeading } from '../ui/page-heading'

export function AdminDepartmentsPage() {
  const { t } = useTranslation('staff')
  return (
    <RequireRole minRole="admin">
      {() => (
        <div className="staff-page">
          <AdminNav />
          <PageHeading title={t('departments.title')}>{t('departments.title')}</PageHeading>
          <p className="lead">{t('departments.intro')}</p>
          <DepartmentList />
          <ThemeRoutingTable />
          <ColleagueDepartmentsTable />
          <SettingsSection />
        </div>
      )}
    </RequireRole>
  )
}
