import { CATALOG_NAME, THEME_DESCRIPTION_MAX } from '@meedenken/shared/constants'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import type { Form } from '../../../lib/use-form'
import { Field, TextInput } from '../../../ui/form'
import type { CatalogKind } from '../catalog-form'

/** The fields of a theme or a village; a theme also has an English name and an explanation. */
export function CatalogNameFields({
  form,
  kind,
  initial,
  firstField,
}: {
  form: Form
  kind: CatalogKind
  initial?: { name: string; nameEn?: string; description?: string }
  firstField?: Ref<HTMLInputElement>
}) {
  const { t } = useTranslation('records')
  return (
    <>
      <Field {...form.field('name')}>
        {(p) => (
          <TextInput {...p} ref={firstField} type="text" maxLength={CATALOG_NAME.max} defaultValue={initial?.name} />
        )}
      </Field>
      {kind === 'theme' && (
        <>
          <Field {...form.field('nameEn')}>
            {(p) => (
              <TextInput {...p} type="text" lang="en" maxLength={CATALOG_NAME.max} defaultValue={initial?.nameEn} />
            )}
          </Field>
          <Field {...form.field('description')} hint={t('catalog.descriptionHint')}>
            {(p) => (
              <TextInput {...p} type="text" maxLength={THEME_DESCRIPTION_MAX} defaultValue={initial?.description} />
            )}
          </Field>
        </>
      )}
    </>
  )
}
