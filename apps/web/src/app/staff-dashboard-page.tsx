import '../lib/i18n-records'
import '../lib/i18n-staff'
import '../styles/staff.css'
import { useTranslation } from 'react-i18next'
import { StaffDashboard } from '../features/staff/components/staff-dashboard'
import { StaffPage } from '../features/staff/components/staff-page'

export function StaffDashboardPage() {
  const { t } = useTranslation('staff')
  return (
    <StaffPage title={t('dashboard.title')} intro={t('dashboard.intro')}>
      <StaffDashboard />
    </StaffPage>
  )
}
