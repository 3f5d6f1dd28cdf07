import type { District, Theme } from '@meedenken/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import { useForm } from '../../../lib/use-form'
import { useCatalogActions } from '../../catalog/api/catalog-mutations'
import { catalogForm } from '../catalog-form'
import { CatalogNameFields } from './catalog-name-fields'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

type Props = { kind: 'theme'; item: Theme } | { kind: 'district'; item: District }

/**
 * One theme or village: rename it in place, archive it or take it back into use. Archiving
 * is not deleting: old ideas, the figures and the open data keep the name.
 */
export function CatalogCard({ kind, item }: Props) {
  const { t } = useTranslation('records')
  const actions = useCatalogActions()
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const firstField = useRef<HTMLInputElement>(null)
  const scope = `${kind}-${item.id}`
  const archive = kind === 'theme' ? actions.archiveTheme : actions.archiveDistrict
  const form = useForm({
    scope,
    ...catalogForm(kind, t),
    send: async (v) => {
      if (kind === 'theme') {
        await actions.renameTheme.mutateAsync({ id: item.id, ...v })
      } else {
        await actions.renameDistrict.mutateAsync({ id: item.id, name: v.name })
      }
      close()
      return t('catalog.saved')
    },
  })

  useEffect(() => {
    if (open) firstField.current?.focus()
  }, [open])

  function close() {
    setOpen(false)
    requestAnimationFrame(() => opener.current?.focus())
  }

  function toggleArchived() {
    if (archive.isPending) return
    const archived = !item.archived
    archive.mutate(
      { id: item.id, archived },
      {
        onSuccess: () =>
          form.announce(
            archived
              ? t('catalog.archivedDone', { name: item.name })
              : t('catalog.unarchivedDone', { name: item.name }),
          ),
        onError: form.fail,
      },
    )
  }

  return (
    <article className="department-card" aria-labelledby={`${scope}-title`}>
      <h3 id={`${scope}-title`}>
        {item.name}{' '}
        <span className={item.archived ? 'badge badge--declined' : 'badge badge--done'}>
          {item.archived ? t('catalog.archived') : t('catalog.inUse')}
        </span>
      </h3>
      {kind === 'theme' && (
        <p className="muted">
          {t('catalog.nameEn')}: <span lang="en">{item.nameEn}</span>
        </p>
      )}
      {open ? (
        <>
          <FormSummary form={form} />
          <form className="form form--compact" {...form.props}>
            <CatalogNameFields form={form} kind={kind} initial={item} firstField={firstField} />
            <div className="form__actions">
              <button type="submit" className="button button--small" aria-disabled={form.pending || undefined}>
                {t('catalog.save')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  form.reset()
                  close()
                }}
              >
                {t('catalog.cancel')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <p className="form__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            ref={opener}
            onClick={() => {
              form.announce('')
              setOpen(true)
            }}
            aria-label={t('catalog.editName', { name: item.name })}
          >
            {t('catalog.edit')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-disabled={archive.isPending || undefined}
            onClick={toggleArchived}
            aria-label={
              item.archived
                ? t('catalog.unarchiveName', { name: item.name })
                : t('catalog.archiveName', { name: item.name })
            }
          >
            {item.archived ? t('catalog.unarchive') : t('catalog.archive')}
          </button>
        </p>
      )}
      {!open && form.problem?.message && (
        <p className="field__error" role="alert">
          {form.problem.message}
        </p>
      )}
      <SuccessLine>{form.done}</SuccessLine>
    </article>
  )
}
