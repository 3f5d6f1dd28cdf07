import '../lib/i18n-staff'
import '../styles/staff.css'
import '../styles/werkbak.css'
import { StaffIdea } from '../features/staff/components/staff-idea'
import { StaffPage } from '../features/staff/components/staff-page'

export function StaffIdeaPage() {
  return (
    <StaffPage>
      <StaffIdea />
    </StaffPage>
  )
}
