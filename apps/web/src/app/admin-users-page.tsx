import type { Role } from '@meedenken/shared'
import { ROLES } from '@meedenken/shared/constants'
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { RequireRole } from '../features/accounts/components/require-role'
import { AdminNav } from '../features/staff/components/staff-nav'
import { api, call } from '../lib/api-client'
import { errorText } from '../lib/errors'
import { formatDate } from '../lib/format'
import { ErrorMessage } from '../ui/error-message'
import { formValues } from '../ui/form'
import { Loading } from '../ui/loading'
import '../styles/staff.css'
import { PageHeading } from '../ui/page-heading'

export function AdminUsersPage() {
  const { t } = useTranslation('admin')
  return (
    <>
      <AdminNav />
      <PageHeading title={t('users.title')}>{t('users.title')}</PageHeading>
      <RequireRole minRole="admin">{(me) => <UserSearch myId={me.id} />}</RequireRole>
    </>
  )
}

function UserSearch({ myId }: { myId: number }) {
  const { t } = useTranslation(['admin', 'common'])
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const role = (ROLES as readonly string[]).includes(params.get('rol') ?? '') ? (params.get('rol') as Role) : undefined
  const users = useInfiniteQuery({
    queryKey: ['admin', 'users', q, role],
    queryFn: ({ pageParam }) =>
      call(
        api.api.admin.users.$get({
          query: { ...(q ? { q } : {}), ...(role ? { role } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })
  const items = users.data?.pages.flatMap((p) => p.items) ?? []

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const v = formValues(event.currentTarget)
    const next = new URLSearchParams()
    if (v.q) next.set('q', v.q)
    if (v.rol) next.set('rol', v.rol)
    setParams(next)
  }

  return (
    <>
      <p className="lead">{t('users.intro')}</p>
      <form className="filters" aria-label={t('users.searchForm')} onSubmit={search} key={`${q}|${role}`}>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="user-q">{t('users.search')}</label>
            <input id="user-q" name="q" type="search" defaultValue={q} />
          </div>
          <div className="field">
            <label htmlFor="user-role">{t('users.role')}</label>
            <select id="user-role" name="rol" defaultValue={role ?? ''}>
              <option value="">{t('users.allRoles')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('users.searchButton')}
          </button>
        </div>
      </form>
      {users.isPending && <Loading />}
      {users.isError && <ErrorMessage error={users.error} onRetry={() => void users.refetch()} />}
      {users.isSuccess && items.length === 0 && <p>{t('users.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.since')}</th>
                <th scope="col">{t('users.role')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.displayName}
                    {u.blocked && <span className="tag">{t('users.blocked')}</span>}
                    {u.deleted && <span className="tag">{t('users.deleted')}</span>}
                    {!u.emailVerified && u.email && <span className="tag">{t('users.unverified')}</span>}
                  </td>
                  <td>{u.email ?? '—'}</td>
                  <td>{formatDate(u.createdAt)}</td>
                  <td>
                    {u.id === myId || u.deleted ? (
                      t(`roles.${u.role}`)
                    ) : (
                      <RoleForm userId={u.id} name={u.displayName} role={u.role} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.hasNextPage && (
        <button type="button" className="button button--secondary load-more" onClick={() => void users.fetchNextPage()}>
          {t('users.more')}
        </button>
      )}
    </>
  )
}

function RoleForm({ userId, name, role }: { userId: number; name: string; role: Role }) {
  const { t } = useTranslation(['admin', 'common'])
  const qc = useQueryClient()
  const [value, setValue] = useState<Role>(role)
  const change = useMutation({
    mutationFn: (next: Role) =>
      call(api.api.admin.users[':id'].role.$put({ param: { id: String(userId) }, json: { role: next } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  })
  const id = `role-${userId}`
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        change.mutate(value)
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('users.roleOf', { name })}
      </label>
      <select id={id} value={value} onChange={(e) => setValue(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small" disabled={value === role || change.isPending}>
        {t('users.save')}
        <span className="visually-hidden"> {t('users.roleOf', { name })}</span>
      </button>
      <span role="status" className="status-line">
        {change.isSuccess ? t('users.saved') : change.isError ? errorText(change.error) : ''}
      </span>
    </form>
  )
}
