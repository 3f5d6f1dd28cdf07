import { MEMBER_SEARCH } from '@meedenken/shared/constants'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import '../../../lib/i18n-records'
import { Field, formValues } from '../../../ui/form'
import { QueryState } from '../../../ui/query-state'
import { meQuery } from '../../accounts/api/account-queries'
import { memberSearchQuery } from '../../engage/api/records-api'
import { MemberRow } from './member-row'
import { ScrollTable } from './scroll-table'

/**
 * Find a member by name (administrators: also by e-mail address, which they see) to block or
 * unblock them. The search term lives in the address.
 */
export function MemberSearch() {
  const { t } = useTranslation('records')
  const [params, setParams] = useSearchParams()
  const q = (params.get('q') ?? '').trim()
  const me = useQuery(meQuery)
  const isAdmin = me.data?.role === 'admin'
  const members = useInfiniteQuery(memberSearchQuery(q))
  const [announcement, setAnnouncement] = useState('')
  const [tooShort, setTooShort] = useState(false)

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = (formValues(event.currentTarget).q ?? '').trim()
    if (value.length < MEMBER_SEARCH.min) {
      setTooShort(true)
      document.getElementById('member-q')?.focus()
      return
    }
    setTooShort(false)
    setAnnouncement('')
    setParams({ q: value })
  }

  return (
    <>
      <form className="filters filters--inline" aria-label={t('members.searchLabel')} onSubmit={search} noValidate>
        <Field
          name="q"
          id="member-q"
          label={isAdmin ? t('members.qAdmin') : t('members.q')}
          hint={t('members.qHint')}
          error={tooShort ? t('members.tooShort') : undefined}
        >
          {(p) => (
            <input {...p} type="search" maxLength={MEMBER_SEARCH.max} defaultValue={q} autoComplete="off" key={q} />
          )}
        </Field>
        <button type="submit" className="button">
          {t('members.search')}
        </button>
      </form>
      <p role="status" className="alert alert--success status-alert">
        {announcement}
      </p>
      <QueryState query={members} empty={<p>{t('members.none', { q })}</p>}>
        {(data) => (
          <ScrollTable captionId="members-caption">
            <table className="table table--members">
              <caption id="members-caption">{t('members.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.name')}</th>
                  {isAdmin && <th scope="col">{t('members.email')}</th>}
                  <th scope="col">{t('members.group')}</th>
                  <th scope="col">{t('members.ideas')}</th>
                  <th scope="col">{t('members.comments')}</th>
                  <th scope="col">{t('members.since')}</th>
                  <th scope="col">{t('members.state')}</th>
                  <th scope="col">{t('members.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.pages
                  .flatMap((page) => page.items)
                  .map((member) => (
                    <MemberRow key={member.id} member={member} showEmail={isAdmin} onDone={setAnnouncement} />
                  ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </QueryState>
      {members.hasNextPage && (
        <button
          type="button"
          className="button button--secondary load-more"
          onClick={() => void members.fetchNextPage()}
        >
          {t('members.more')}
        </button>
      )}
    </>
  )
}
