import '../lib/i18n-staff'
import '../styles/staff.css'
import { useTranslation } from 'react-i18next'
import { ModerationWork } from '../features/staff/components/moderation-work'
import { StaffPage } from '../features/staff/components/staff-page'

export function StaffModerationPage() {
  const { t } = useTranslation('staff')
  return (
    <StaffPage title={t('moderation.title')} intro={t('moderation.intro')}>
      <ModerationWork />
    </StaffPage>
  )
}
