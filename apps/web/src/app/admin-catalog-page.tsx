import '../lib/i18n-records'
import '../lib/i18n-staff'
import '../styles/staff.css'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { RequireRole } from '../features/accounts/components/require-role'
import { districtsQuery } from '../features/catalog/api/catalog-queries'
import { DistrictBoundaries } from '../features/map/components/district-boundaries'
import { DistrictCatalog } from '../features/staff/components/district-catalog'
import { AdminNav } from '../features/staff/components/staff-nav'
import { ThemeCatalog } from '../features/staff/components/theme-catalog'
import { Alert } from '../ui/alert'
import { PageHeading } from '../ui/page-heading'

/**
 * Themes and villages for administrators: add, rename, archive and take back into use.
 * Archiving is not deleting: old ideas, the figures and the open data keep the name.
 */
export function AdminCatalogPage() {
  const { t } = useTranslation('records')
  return (
    <RequireRole minRole="admin">
      {() => (
        <div className="staff-page">
          <AdminNav />
          <PageHeading title={t('catalog.title')}>{t('catalog.title')}</PageHeading>
          <p className="lead">{t('catalog.intro')}</p>
          <Alert type="info">
            <p>{t('catalog.archivedNote')}</p>
          </Alert>
          <ThemeCatalog />
          <DistrictCatalog />
          <Boundaries />
        </div>
      )}
    </RequireRole>
  )
}

/** Outlines of the villages and districts, for the district a chosen place suggests (features/map). */
function Boundaries() {
  const districts = useQuery(districtsQuery)
  return <DistrictBoundaries districts={districts.data?.items ?? []} />
}
