import '../lib/i18n-staff'
import '../styles/staff.css'
import { useTranslation } from 'react-i18next'
import { PlacePicker } from '../features/map/components/place-picker'
import { uploadPhotos } from '../features/photos/api/photo-mutations'
import { PhotoPicker } from '../features/photos/components/photo-picker'
import { usePhotoChoice } from '../features/photos/components/use-photo-choice'
import { IntakeForm } from '../features/staff/components/intake-form'
import { StaffPage } from '../features/staff/components/staff-page'

export function StaffIntakePage() {
  const { t } = useTranslation(['staff', 'photos'])
  const photos = usePhotoChoice({ scope: 'intake' })
  return (
    <StaffPage title={t('intake.title')} intro={t('intake.intro')} form>
      <IntakeForm
        placeField={<PlacePicker initial={null} namePrefix="intake." />}
        photos={{
          field: <PhotoPicker choice={photos} />,
          check: photos.check,
          labels: photos.labels,
          upload: async (ideaId) => {
            const failures = await uploadPhotos(ideaId, photos.items)
            if (failures.length === 0) return ''
            return failures.map((f) => t('photos:upload.failed', f)).join(' ')
          },
        }}
      />
    </StaffPage>
  )
}
