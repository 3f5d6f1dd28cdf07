import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { useCatalogActions } from '../../catalog/api/catalog-mutations'
import { type CatalogKind, catalogForm } from '../catalog-form'
import { CatalogNameFields } from './catalog-name-fields'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

export function AddCatalogItemForm({ kind }: { kind: CatalogKind }) {
  const { t } = useTranslation('records')
  const actions = useCatalogActions()
  const scope = `new-${kind}`
  const form = useForm({
    scope,
    ...catalogForm(kind, t),
    send: async (v) => {
      if (kind === 'theme') await actions.addTheme.mutateAsync(v)
      else await actions.addDistrict.mutateAsync({ name: v.name })
      return t('catalog.added', { name: v.name })
    },
    resetOnSuccess: true,
  })

  return (
    <section className="new-department" aria-labelledby={`${scope}-title`}>
      <h3 id={`${scope}-title`}>{kind === 'theme' ? t('catalog.addTheme') : t('catalog.addDistrict')}</h3>
      <FormSummary form={form} />
      <form className="form form--compact" {...form.props}>
        <CatalogNameFields form={form} kind={kind} />
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {t('catalog.add')}
          </Button>
        </div>
      </form>
      <SuccessLine>{form.done}</SuccessLine>
    </section>
  )
}
