import '../lib/i18n-records'
import '../lib/i18n-staff'
import '../styles/staff.css'
import { useTranslation } from 'react-i18next'
import { MemberSearch } from '../features/staff/components/member-search'
import { StaffPage } from '../features/staff/components/staff-page'

/**
 * Find a member by name and block or unblock them, with a reason, as the moderation screen
 * does (the same API routes). Administrators also search and see e-mail addresses.
 */
export function StaffMembersPage() {
  const { t } = useTranslation('records')
  return (
    <StaffPage title={t('members.title')} intro={t('members.intro')}>
      <MemberSearch />
    </StaffPage>
  )
}
