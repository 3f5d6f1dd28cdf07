import '../lib/i18n-staff'
import '../styles/staff.css'
import { useTranslation } from 'react-i18next'
import { CampaignWork } from '../features/staff/components/campaign-work'
import { StaffPage } from '../features/staff/components/staff-page'

export function StaffCampaignsPage() {
  const { t } = useTranslation('staff')
  return (
    <StaffPage title={t('campaigns.title')} intro={t('campaigns.intro')}>
      <CampaignWork />
    </StaffPage>
  )
}
