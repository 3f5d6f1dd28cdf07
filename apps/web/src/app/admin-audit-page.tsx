import '../lib/i18n-staff'
import '../styles/staff.css'
import {
  AUDIT_ACTOR_TEXT,
  AUDIT_EXPORT_LIMIT,
  AUDIT_SUBJECT_LABELS,
  type AuditEntry,
  auditActionLabel,
} from '@meedenken/shared'
import { AUDIT_ACTIONS, isAuditAction } from '@meedenken/shared/constants'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { RequireRole } from '../features/accounts/components/require-role'
import { type AuditExportFilters, auditExportLink, auditLogQuery } from '../features/engage/api/records-api'
import { colleaguesQuery } from '../features/staff/api/staff-queries'
import { ScrollTable } from '../features/staff/components/scroll-table'
import { AdminNav } from '../features/staff/components/staff-nav'
import { formatDateTime } from '../lib/format'
import { currentLocale } from '../lib/i18n'
import '../lib/i18n-records'
import { ErrorMessage } from '../ui/error-message'
import { Field, formValues } from '../ui/form'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'

export function AdminAuditPage() {
  const { t } = useTranslation('staff')
  return (
    <RequireRole minRole="admin">
      {() => (
        <div className="staff-page">
          <AdminNav />
          <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
          <p className="lead">{t('audit.intro')}</p>
          <AuditLog />
        </div>
      )}
    </RequireRole>
  )
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

function AuditLog() {
  const { t } = useTranslation(['staff', 'records'])
  const [params, setParams] = useSearchParams()
  // Only actions the API knows filter the log; anything else in the address shows everything.
  const asked = params.get('actie') ?? ''
  const action = isAuditAction(asked) ? asked : undefined
  const actor = /^\d+$/.test(params.get('door') ?? '') ? (params.get('door') ?? '') : ''
  const from = DAY.test(params.get('van') ?? '') ? (params.get('van') ?? '') : ''
  const to = DAY.test(params.get('tot') ?? '') ? (params.get('tot') ?? '') : ''
  // A period that runs backwards is said at the field, and not asked of the API.
  const backwards = from !== '' && to !== '' && to < from
  const filters: AuditExportFilters = {
    ...(action ? { action } : {}),
    ...(actor ? { actor } : {}),
    ...(from && !backwards ? { from } : {}),
    ...(to && !backwards ? { to } : {}),
  }
  const log = useInfiniteQuery({ ...auditLogQuery(filters), enabled: !backwards })
  const colleagues = useQuery(colleaguesQuery)
  const items = log.data?.pages.flatMap((p) => p.items) ?? []
  const locale = currentLocale()

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const v = formValues(event.currentTarget)
    const next = new URLSearchParams()
    if (v.actie) next.set('actie', v.actie)
    if (v.door) next.set('door', v.door)
    if (v.van) next.set('van', v.van)
    if (v.tot) next.set('tot', v.tot)
    setParams(next)
  }

  async function loadMore() {
    if (log.isFetchingNextPage) return
    const before = items.length
    const result = await log.fetchNextPage()
    const first = result.data?.pages.flatMap((p) => p.items)[before]
    if (first) document.getElementById(`audit-${first.id}`)?.focus()
  }

  const filtered = Boolean(action || actor || from || to)
  return (
    <>
      <form
        className="filters"
        aria-label={t('audit.filterLabel')}
        onSubmit={filter}
        key={`${action ?? ''}|${actor}|${from}|${to}`}
        noValidate
      >
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="audit-action">{t('audit.action')}</label>
            <select id="audit-action" name="actie" defaultValue={action ?? ''}>
              <option value="">{t('audit.allActions')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(a)[locale]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-actor">{t('audit.actor')}</label>
            <select id="audit-actor" name="door" defaultValue={actor} key={colleagues.data ? 'loaded' : 'loading'}>
              <option value="">{t('audit.everyone')}</option>
              {colleagues.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </select>
          </div>
          <Field name="van" id="audit-from" label={t('records:audit.from')}>
            {(p) => <input {...p} type="date" defaultValue={from} />}
          </Field>
          <Field
            name="tot"
            id="audit-to"
            label={t('records:audit.to')}
            error={backwards ? t('records:audit.badRange') : undefined}
          >
            {(p) => <input {...p} type="date" defaultValue={to} />}
          </Field>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('audit.apply')}
          </button>
          {filtered && (
            <Link to="/beheer/logboek" className="button button--secondary">
              {t('audit.reset')}
            </Link>
          )}
        </div>
      </form>
      {!backwards && (
        <section className="downloads-bar" aria-labelledby="audit-downloads">
          <h2 id="audit-downloads" className="visually-hidden">
            {t('records:download.label')}
          </h2>
          <p>
            {t('records:audit.downloadNote', {
              limit: AUDIT_EXPORT_LIMIT.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB'),
            })}
          </p>
          <p className="downloads-bar__links">
            <a className="button button--secondary" href={auditExportLink(filters, 'xlsx')} download>
              {t('records:download.xlsx')}
            </a>
            <a className="button button--secondary" href={auditExportLink(filters, 'excel-nl')} download>
              {t('records:download.excelCsv')}
            </a>
          </p>
        </section>
      )}
      {log.isPending && !backwards && <Loading />}
      {log.isError && <ErrorMessage error={log.error} onRetry={() => void log.refetch()} />}
      {log.isSuccess && items.length === 0 && <p>{t('audit.none')}</p>}
      {items.length > 0 && (
        <ScrollTable captionId="audit-caption">
          <table className="table table--audit">
            <caption className="visually-hidden" id="audit-caption">
              {t('audit.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {log.hasNextPage && (
        <button type="button" className="button button--secondary load-more" onClick={() => void loadMore()}>
          {log.isFetchingNextPage ? t('audit.loadingMore') : t('audit.more')}
        </button>
      )}
    </>
  )
}

/**
 * One entry in words: who (a name, "verwijderd account", or the command line), what (the
 * action's label), about what (the idea's title, the person's name…), and the details the
 * API wrote out, without codes and without empty ones.
 */
function AuditRow({ entry }: { entry: AuditEntry }) {
  const locale = currentLocale()
  const who = entry.actorErased
    ? AUDIT_ACTOR_TEXT.erased[locale]
    : entry.actorName ||
      (entry.details?.actor === 'command_line' ? AUDIT_ACTOR_TEXT.commandLine[locale] : AUDIT_ACTOR_TEXT.system[locale])
  return (
    <tr>
      <td>
        <time dateTime={entry.createdAt} id={`audit-${entry.id}`} tabIndex={-1}>
          {formatDateTime(entry.createdAt)}
        </time>
      </td>
      <td>{who}</td>
      <td>{auditActionLabel(entry.action)[locale]}</td>
      <td>
        <Subject entry={entry} />
      </td>
      <td>
        {entry.lines.length > 0 && (
          <dl className="audit-details">
            {entry.lines.map((line) => (
              <div key={line.label.en}>
                <dt>{line.label[locale]}</dt>
                <dd>{line.value[locale]}</dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  )
}

function Subject({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('records')
  const locale = currentLocale()
  const type = AUDIT_SUBJECT_LABELS[entry.subjectType]?.[locale] ?? entry.subjectType
  const id = entry.subjectId
  if (id === null) return <>{type}</>
  const label = t('audit.subject', { type, id })
  const link =
    entry.subjectType === 'idea' ? (
      <Link to={`/medewerkers/ideeen/${id}`}>{label}</Link>
    ) : entry.subjectType === 'campaign' ? (
      <Link to={`/meedenkvragen/${id}`}>{label}</Link>
    ) : (
      label
    )
  const name = entry.subjectErased ? t('audit.erased') : entry.subjectName
  return (
    <>
      {link}
      {name && <span className="audit-subject__name">{name}</span>}
    </>
  )
}
