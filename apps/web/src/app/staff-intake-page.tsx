import '../lib/i18n-staff'
import '../styles/staff.css'
import { useTranslation } from 'react-i18next'
import { PlacePicker } from '../features/map/components/place-picker'
import { IntakeForm } from '../features/staff/components/intake-form'
import { StaffPage } from '../features/staff/components/staff-page'

export function StaffIntakePage() {
  const { t } = useTranslation('staff')
  return (
    <StaffPage title={t('intake.title')} intro={t('intake.intro')} form>
      <IntakeForm placeField={<PlacePicker initial={null} namePrefix="intake." />} />
    </StaffPage>
  )
}
