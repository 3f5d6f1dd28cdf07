import type { Role } from '@meedenken/shared'
import { ROLES } from '@meedenken/shared/constants'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { formatDate } from '../../../lib/format'
import { Button } from '../../../ui/button'
import { Field, formValues, Select, TextInput } from '../../../ui/form'
import { LoadMore } from '../../../ui/load-more'
import { QueryState } from '../../../ui/query-state'
import { Table } from '../../../ui/table'
import { usersQuery } from '../api/user-admin'
import { UserRoleForm } from './user-role-form'
import '../../../lib/i18n-admin'

/** Find people by name, address or role (in the address: q, rol) and change their role; not one's own. */
export function UserSearch({ myId }: { myId: number }) {
  const { t } = useTranslation(['admin', 'common'])
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const role = (ROLES as readonly string[]).includes(params.get('rol') ?? '') ? (params.get('rol') as Role) : undefined
  const users = useInfiniteQuery(usersQuery(q, role))

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
          <Field name="q" id="user-q" label={t('users.search')}>
            {(p) => <TextInput {...p} type="search" defaultValue={q} />}
          </Field>
          <Field name="rol" id="user-role" label={t('users.role')}>
            {(p) => (
              <Select {...p} defaultValue={role ?? ''}>
                <option value="">{t('users.allRoles')}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="filters__actions">
          <Button type="submit">{t('users.searchButton')}</Button>
        </div>
      </form>
      <QueryState query={users} empty={<p>{t('users.none')}</p>}>
        {(data) => (
          <Table scrolls captionId="users-caption" caption={t('users.caption')} captionClassName="visually-hidden">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.since')}</th>
                <th scope="col">{t('users.role')}</th>
              </tr>
            </thead>
            <tbody>
              {data.pages
                .flatMap((page) => page.items)
                .map((u) => (
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
                        <UserRoleForm userId={u.id} name={u.displayName} role={u.role} />
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </Table>
        )}
      </QueryState>
      {users.hasNextPage && (
        <LoadMore loading={users.isFetchingNextPage} onLoad={() => void users.fetchNextPage()}>
          {t('users.more')}
        </LoadMore>
      )}
    </>
  )
}
