import '../lib/i18n-staff'
import '../styles/staff.css'
import type { AuditEntry } from '@meedenken/shared'
import { AUDIT_ACTIONS, isAuditAction } from '@meedenken/shared/constants'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { RequireRole } from '../features/accounts/components/require-role'
import { type AuditFilters, auditQuery, colleaguesQuery } from '../features/staff/api/staff-queries'
import { ScrollTable } from '../features/staff/components/scroll-table'
import { AdminNav } from '../features/staff/components/staff-nav'
import { formatDateTime } from '../lib/format'
import { ErrorMessage } from '../ui/error-message'
import { formValues } from '../ui/form'
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

function AuditLog() {
  const { t } = useTranslation('staff')
  const [params, setParams] = useSearchParams()
  // Only actions the API knows filter the log; anything else in the address shows everything.
  const asked = params.get('actie') ?? ''
  const action = isAuditAction(asked) ? asked : undefined
  const actor = /^\d+$/.test(params.get('door') ?? '') ? (params.get('door') ?? '') : ''
  const filters: AuditFilters = { ...(action ? { action } : {}), ...(actor ? { actor } : {}) }
  const log = useInfiniteQuery(auditQuery(filters))
  const colleagues = useQuery(colleaguesQuery)
  const items = log.data?.pages.flatMap((p) => p.items) ?? []

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const v = formValues(event.currentTarget)
    const next = new URLSearchParams()
    if (v.actie) next.set('actie', v.actie)
    if (v.door) next.set('door', v.door)
    setParams(next)
  }

  async function loadMore() {
    if (log.isFetchingNextPage) return
    const before = items.length
    const result = await log.fetchNextPage()
    const first = result.data?.pages.flatMap((p) => p.items)[before]
    if (first) document.getElementById(`audit-${first.id}`)?.focus()
  }

  return (
    <>
      <form className="filters" aria-label={t('audit.filterLabel')} onSubmit={filter} key={`${action ?? ''}|${actor}`}>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="audit-action">{t('audit.action')}</label>
            <select id="audit-action" name="actie" defaultValue={action ?? ''}>
              <option value="">{t('audit.allActions')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`audit.actions.${a}`)}
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
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('audit.apply')}
          </button>
          {(action || actor) && (
            <Link to="/beheer/logboek" className="button button--secondary">
              {t('audit.reset')}
            </Link>
          )}
        </div>
      </form>
      {log.isPending && <Loading />}
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

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('staff')
  // `actor` says who acted when no account did (the admin command on the server): shown under "Wie".
  const { actor, ...rest } = (entry.details ?? {}) as Record<string, unknown>
  const details = Object.entries(rest)
  const who = entry.actorName || (actor === 'command_line' ? t('audit.commandLine') : t('audit.system'))
  const fieldLabel = (name: string) =>
    isSettingKey(name) ? t(`settings.${name}`) : isChangedField(name) ? t(`audit.changedFields.${name}`) : name
  return (
    <tr>
      <td>
        <time dateTime={entry.createdAt} id={`audit-${entry.id}`} tabIndex={-1}>
          {formatDateTime(entry.createdAt)}
        </time>
      </td>
      <td>{who}</td>
      <td>{isAuditAction(entry.action) ? t(`audit.actions.${entry.action}`) : entry.action}</td>
      <td>
        <Subject type={entry.subjectType} id={entry.subjectId} />
      </td>
      <td>
        {details.length === 0 ? (
          <span className="muted">–</span>
        ) : (
          <dl className="audit-details">
            {details.map(([key, value]) => (
              <div key={key}>
                <dt>{isDetailKey(key) ? t(`audit.detailKeys.${key}`) : key}</dt>
                <dd>{detailValue(value, fieldLabel)}</dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  )
}

const DETAIL_KEYS = [
  'before',
  'after',
  'reason',
  'name',
  'title',
  'ideaId',
  'into',
  'movedVotes',
  'channel',
  'declineReason',
  'noteId',
  'updateId',
  'ideas',
  'comments',
  'changed',
] as const

function isDetailKey(key: string): key is (typeof DETAIL_KEYS)[number] {
  return (DETAIL_KEYS as readonly string[]).includes(key)
}

/** What the admin command changed on an account (`details.changed`). */
const CHANGED_FIELDS = ['role', 'password', 'emailVerified', 'blocked'] as const

function isChangedField(key: string): key is (typeof CHANGED_FIELDS)[number] {
  return (CHANGED_FIELDS as readonly string[]).includes(key)
}

const SETTING_KEYS = ['responseNormDays', 'staleAfterDays', 'followupWeeks'] as const

function isSettingKey(key: string): key is (typeof SETTING_KEYS)[number] {
  return (SETTING_KEYS as readonly string[]).includes(key)
}

/**
 * Details are small: a word, a number, a list of names (the settings that changed) or a few
 * named values (settings before and after). `label` turns a setting's name into words.
 */
function detailValue(value: unknown, label: (name: string) => string): string {
  if (value === null || value === undefined || value === '') return '–'
  if (Array.isArray(value)) return value.map((v) => label(String(v))).join(', ')
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${label(k)}: ${v === null ? '–' : String(v)}`)
      .join(', ')
  }
  return String(value)
}

function Subject({ type, id }: { type: string; id: number | null }) {
  const { t } = useTranslation('staff')
  const known = ['idea', 'comment', 'user', 'department', 'theme', 'campaign', 'settings'] as const
  const label = (known as readonly string[]).includes(type)
    ? t(`audit.subjects.${type as (typeof known)[number]}`)
    : type
  if (id === null) return <>{label}</>
  if (type === 'idea') return <Link to={`/medewerkers/ideeen/${id}`}>{`${label} #${id}`}</Link>
  if (type === 'campaign') return <Link to={`/meedenkvragen/${id}`}>{`${label} #${id}`}</Link>
  return <>{`${label} #${id}`}</>
}
