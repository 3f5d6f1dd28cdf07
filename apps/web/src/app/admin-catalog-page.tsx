import '../lib/i18n-records'
import '../lib/i18n-staff'
import '../styles/staff.css'
import type { District, Theme } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RequireRole } from '../features/accounts/components/require-role'
import { useCatalogActions } from '../features/catalog/api/catalog-mutations'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { AdminNav } from '../features/staff/components/staff-nav'
import { FormProblem, localProblem, type Problem, problemFrom } from '../features/staff/form-problem'
import { ErrorMessage } from '../ui/error-message'
import { Field, type FieldErrors, formValues } from '../ui/form'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'

const NAME_MIN = 2
const NAME_MAX = 60

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
          <div className="alert alert--info">
            <p>{t('catalog.archivedNote')}</p>
          </div>
          <Themes />
          <Districts />
        </div>
      )}
    </RequireRole>
  )
}

type Values = { name: string; nameEn?: string; description?: string }

function check(
  scope: string,
  v: Values,
  withEnglish: boolean,
  t: (key: 'catalog.errors.name' | 'catalog.errors.nameEn') => string,
): FieldErrors {
  const found: FieldErrors = {}
  if (v.name.length < NAME_MIN) found[`${scope}.name`] = t('catalog.errors.name')
  if (withEnglish && (v.nameEn ?? '').length < NAME_MIN) found[`${scope}.nameEn`] = t('catalog.errors.nameEn')
  return found
}

function read(form: HTMLFormElement, scope: string): Values {
  const v = formValues(form)
  return {
    name: (v[`${scope}.name`] ?? '').trim(),
    nameEn: (v[`${scope}.nameEn`] ?? '').trim(),
    description: (v[`${scope}.description`] ?? '').trim(),
  }
}

/** The fields of a theme or a district; a theme also has an English name and an explanation. */
function NameFields({
  scope,
  kind,
  problem,
  initial,
  firstField,
}: {
  scope: string
  kind: 'theme' | 'district'
  problem: Problem | null
  initial?: { name: string; nameEn?: string; description?: string }
  firstField?: React.Ref<HTMLInputElement>
}) {
  const { t } = useTranslation('records')
  return (
    <>
      <Field
        name={`${scope}.name`}
        label={kind === 'theme' ? t('catalog.nameNl') : t('catalog.name')}
        error={problem?.errors[`${scope}.name`]}
      >
        {(p) => <input {...p} ref={firstField} type="text" maxLength={NAME_MAX} defaultValue={initial?.name} />}
      </Field>
      {kind === 'theme' && (
        <>
          <Field name={`${scope}.nameEn`} label={t('catalog.nameEn')} error={problem?.errors[`${scope}.nameEn`]}>
            {(p) => <input {...p} type="text" lang="en" maxLength={NAME_MAX} defaultValue={initial?.nameEn} />}
          </Field>
          <Field
            name={`${scope}.description`}
            label={t('catalog.description')}
            hint={t('catalog.descriptionHint')}
            error={problem?.errors[`${scope}.description`]}
          >
            {(p) => <input {...p} type="text" maxLength={300} defaultValue={initial?.description} />}
          </Field>
        </>
      )}
    </>
  )
}

function Themes() {
  const { t } = useTranslation('records')
  const themes = useQuery(themesQuery)
  return (
    <section className="section" aria-labelledby="themes-title">
      <h2 id="themes-title">{t('catalog.themes')}</h2>
      {themes.isPending && <Loading />}
      {themes.isError && <ErrorMessage error={themes.error} onRetry={() => void themes.refetch()} />}
      {themes.isSuccess && (
        <ul className="department-list">
          {themes.data.items.map((theme) => (
            <li key={theme.id}>
              <CatalogCard kind="theme" item={theme} />
            </li>
          ))}
        </ul>
      )}
      <AddForm kind="theme" />
    </section>
  )
}

function Districts() {
  const { t } = useTranslation('records')
  const districts = useQuery(districtsQuery)
  return (
    <section className="section" aria-labelledby="districts-title">
      <h2 id="districts-title">{t('catalog.districts')}</h2>
      {districts.isPending && <Loading />}
      {districts.isError && <ErrorMessage error={districts.error} onRetry={() => void districts.refetch()} />}
      {districts.isSuccess && (
        <ul className="department-list">
          {districts.data.items.map((district) => (
            <li key={district.id}>
              <CatalogCard kind="district" item={district} />
            </li>
          ))}
        </ul>
      )}
      <AddForm kind="district" />
    </section>
  )
}

type CardProps = { kind: 'theme'; item: Theme } | { kind: 'district'; item: District }

function CatalogCard({ kind, item }: CardProps) {
  const { t } = useTranslation('records')
  const actions = useCatalogActions()
  const [open, setOpen] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const opener = useRef<HTMLButtonElement>(null)
  const firstField = useRef<HTMLInputElement>(null)
  const scope = `${kind}-${item.id}`
  const rename = kind === 'theme' ? actions.renameTheme : actions.renameDistrict
  const archive = kind === 'theme' ? actions.archiveTheme : actions.archiveDistrict
  const labels = {
    [`${scope}.name`]: kind === 'theme' ? t('catalog.nameNl') : t('catalog.name'),
    [`${scope}.nameEn`]: t('catalog.nameEn'),
    [`${scope}.description`]: t('catalog.description'),
  }

  useEffect(() => {
    if (open) firstField.current?.focus()
  }, [open])

  function close(message = '') {
    setOpen(false)
    setProblem(null)
    setDone(message)
    requestAnimationFrame(() => opener.current?.focus())
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (rename.isPending) return
    const v = read(event.currentTarget, scope)
    const local = localProblem(check(scope, v, kind === 'theme', t))
    if (local) {
      setProblem(local)
      return
    }
    const onError = (error: unknown) => setProblem(problemFrom(scope, error))
    const onSuccess = () => close(t('catalog.saved'))
    if (kind === 'theme') {
      actions.renameTheme.mutate(
        { id: item.id, name: v.name, nameEn: v.nameEn ?? '', description: v.description ?? '' },
        { onSuccess, onError },
      )
    } else {
      actions.renameDistrict.mutate({ id: item.id, name: v.name }, { onSuccess, onError })
    }
  }

  function toggleArchived() {
    if (archive.isPending) return
    const archived = !item.archived
    archive.mutate(
      { id: item.id, archived },
      {
        onSuccess: () =>
          setDone(
            archived
              ? t('catalog.archivedDone', { name: item.name })
              : t('catalog.unarchivedDone', { name: item.name }),
          ),
        onError: (error) => setProblem(problemFrom(scope, error)),
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
          <FormProblem problem={problem} labels={labels} />
          <form className="form form--compact" noValidate onSubmit={submit}>
            <NameFields
              scope={scope}
              kind={kind}
              problem={problem}
              initial={kind === 'theme' ? item : { name: item.name }}
              firstField={firstField}
            />
            <div className="form__actions">
              <button type="submit" className="button button--small" aria-disabled={rename.isPending || undefined}>
                {t('catalog.save')}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => close()}>
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
              setDone('')
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
      {!open && problem?.message && (
        <p className="field__error" role="alert">
          {problem.message}
        </p>
      )}
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
    </article>
  )
}

function AddForm({ kind }: { kind: 'theme' | 'district' }) {
  const { t } = useTranslation('records')
  const actions = useCatalogActions()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const [round, setRound] = useState(0)
  const scope = `new-${kind}`
  const add = kind === 'theme' ? actions.addTheme : actions.addDistrict
  const title = kind === 'theme' ? t('catalog.addTheme') : t('catalog.addDistrict')
  const labels = {
    [`${scope}.name`]: kind === 'theme' ? t('catalog.nameNl') : t('catalog.name'),
    [`${scope}.nameEn`]: t('catalog.nameEn'),
    [`${scope}.description`]: t('catalog.description'),
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (add.isPending) return
    const v = read(event.currentTarget, scope)
    const local = localProblem(check(scope, v, kind === 'theme', t))
    if (local) {
      setProblem(local)
      return
    }
    const onSuccess = () => {
      setProblem(null)
      setDone(t('catalog.added', { name: v.name }))
      setRound((n) => n + 1)
    }
    const onError = (error: unknown) => setProblem(problemFrom(scope, error))
    if (kind === 'theme') {
      actions.addTheme.mutate(
        { name: v.name, nameEn: v.nameEn ?? '', description: v.description ?? '' },
        { onSuccess, onError },
      )
    } else {
      actions.addDistrict.mutate({ name: v.name }, { onSuccess, onError })
    }
  }

  return (
    <section className="new-department" aria-labelledby={`${scope}-title`}>
      <h3 id={`${scope}-title`}>{title}</h3>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={submit} key={round}>
        <NameFields scope={scope} kind={kind} problem={problem} />
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={add.isPending || undefined}>
            {t('catalog.add')}
          </button>
        </div>
      </form>
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
    </section>
  )
}
