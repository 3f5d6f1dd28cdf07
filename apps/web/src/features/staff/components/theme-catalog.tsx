import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import { QueryState } from '../../../ui/query-state'
import { themesQuery } from '../../catalog/api/catalog-queries'
import { AddCatalogItemForm } from './add-catalog-item-form'
import { CatalogCard } from './catalog-card'

export function ThemeCatalog() {
  const { t } = useTranslation('records')
  const themes = useQuery(themesQuery)
  return (
    <section className="section" aria-labelledby="themes-title">
      <h2 id="themes-title">{t('catalog.themes')}</h2>
      <QueryState query={themes}>
        {(data) => (
          <ul className="department-list">
            {data.items.map((theme) => (
              <li key={theme.id}>
                <CatalogCard kind="theme" item={theme} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <AddCatalogItemForm kind="theme" />
    </section>
  )
}
