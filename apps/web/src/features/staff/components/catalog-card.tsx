import type { District, Theme } from '@meedenken/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-records'
import { useForm } from '../../../lib/use-form'
import { Alert } from '../../../ui/alert'
import { Badge } from '../../../ui/badge'
import { Button } from '../../../ui/button'
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
        <Badge className={item.archived ? 'badge--declined' : 'badge--done'}>
          {item.archived ? t('catalog.archived') : t('catalog.inUse')}
        </Badge>
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
              <Button size="small" type="submit" busy={form.pending}>
                {t('catalog.save')}
              </Button>
              <Button
                onClick={() => {
                  form.reset()
                  close()
                }}
                appearance="secondary"
                size="small"
              >
                {t('catalog.cancel')}
              </Button>
            </div>
          </form>
        </>
      ) : (
        <p className="form__actions">
          <Button
            ref={opener}
            onClick={() => {
              form.announce('')
              setOpen(true)
            }}
            aria-label={t('catalog.editName', { name: item.name })}
            appearance="secondary"
            size="small"
          >
            {t('catalog.edit')}
          </Button>
          <Button
            busy={archive.isPending}
            onClick={toggleArchived}
            aria-label={
              item.archived
                ? t('catalog.unarchiveName', { name: item.name })
                : t('catalog.archiveName', { name: item.name })
            }
            appearance="secondary"
            size="small"
          >
            {item.archived ? t('catalog.unarchive') : t('catalog.archive')}
          </Button>
        </p>
      )}
      {!open && form.problem?.message && (
        <Alert type="error" role="alert">
          {form.problem.message}
        </Alert>
      )}
      <SuccessLine>{form.done}</SuccessLine>
    </article>
  )
}
