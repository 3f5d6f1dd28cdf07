import '../lib/i18n-staff'
import '../lib/i18n-werkbak'
import '../styles/staff.css'
import '../styles/werkbak.css'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { StaffPage } from '../features/staff/components/staff-page'
import { WerkbakInbox } from '../features/staff/components/werkbak-inbox'
import { WerkbakSearch } from '../features/staff/components/werkbak-search'
import { readView, viewSearch } from '../features/staff/werkbak-view'

export function StaffInboxPage() {
  const { t } = useTranslation('staff')
  const [params] = useSearchParams()
  const view = readView(params)
  const search = viewSearch(view)
  return (
    <StaffPage title={t('inbox.title')} intro={t('inbox.intro')}>
      {/* Keyed by the address: another view starts with its own fields and an empty selection. */}
      <WerkbakSearch key={`search-${search}`} view={view} />
      <WerkbakInbox key={search} view={view} />
    </StaffPage>
  )
}
