import { MEMBER_SEARCH } from '@meedenken/shared/constants'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import '../../../lib/i18n-records'
import { Alert } from '../../../ui/alert'
import { Button } from '../../../ui/button'
import { Field, formValues, TextInput } from '../../../ui/form'
import { LoadMore } from '../../../ui/load-more'
import { QueryState } from '../../../ui/query-state'
import { Table } from '../../../ui/table'
import { meQuery } from '../../accounts/api/account-queries'
import { memberSearchQuery } from '../../engage/api/records-api'
import { MemberRow } from './member-row'

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
            <TextInput {...p} type="search" maxLength={MEMBER_SEARCH.max} defaultValue={q} autoComplete="off" key={q} />
          )}
        </Field>
        <Button type="submit">{t('members.search')}</Button>
      </form>
      {/* The live region is there before the message, so screen readers read it; the box shows only with a message. */}
      <div role="status">{announcement && <Alert type="ok">{announcement}</Alert>}</div>
      <QueryState query={members} empty={<p>{t('members.none', { q })}</p>}>
        {(data) => (
          <Table scrolls captionId="members-caption" caption={t('members.caption')} className="table--members">
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
          </Table>
        )}
      </QueryState>
      {members.hasNextPage && (
        <LoadMore loading={members.isFetchingNextPage} onLoad={() => void members.fetchNextPage()}>
          {t('members.more')}
        </LoadMore>
      )}
    </>
  )
}
