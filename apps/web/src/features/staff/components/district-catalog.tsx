import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import { QueryState } from '../../../ui/query-state'
import { districtsQuery } from '../../catalog/api/catalog-queries'
import { AddCatalogItemForm } from './add-catalog-item-form'
import { CatalogCard } from './catalog-card'

export function DistrictCatalog() {
  const { t } = useTranslation('records')
  const districts = useQuery(districtsQuery)
  return (
    <section className="section" aria-labelledby="districts-title">
      <h2 id="districts-title">{t('catalog.districts')}</h2>
      <QueryState query={districts}>
        {(data) => (
          <ul className="department-list">
            {data.items.map((district) => (
              <li key={district.id}>
                <CatalogCard kind="district" item={district} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <AddCatalogItemForm kind="district" />
    </section>
  )
}
