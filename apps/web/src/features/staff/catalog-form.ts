import { CATALOG_NAME } from '@meedenken/shared/constants'
import type { TFunction } from 'i18next'
import type { FormValues } from '../../lib/use-form'

export type CatalogKind = 'theme' | 'district'

export type CatalogValues = { name: string; nameEn: string; description: string }

/** The form options a theme's or a village's form share: labels, reading and this side's check. */
export function catalogForm(kind: CatalogKind, t: TFunction<'records'>) {
  return {
    labels: {
      name: kind === 'theme' ? t('catalog.nameNl') : t('catalog.name'),
      nameEn: t('catalog.nameEn'),
      description: t('catalog.description'),
    },
    read: (v: FormValues): CatalogValues => ({
      name: v.text('name'),
      nameEn: v.text('nameEn'),
      description: v.text('description'),
    }),
    check: (v: CatalogValues) => ({
      name: v.name.length < CATALOG_NAME.min && t('catalog.errors.name'),
      nameEn: kind === 'theme' && v.nameEn.length < CATALOG_NAME.min && t('catalog.errors.nameEn'),
    }),
  }
}
