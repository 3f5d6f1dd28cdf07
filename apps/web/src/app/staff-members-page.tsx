import '../lib/i18n-records'
import '../lib/i18n-staff'
import '../styles/staff.css'
import type { Member } from '@meedenken/shared'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { meQuery } from '../features/accounts/api/account-queries'
import { memberSearchQuery, useMemberBlock } from '../features/engage/api/records-api'
import { ConfirmWithReason } from '../features/staff/components/confirm-with-reason'
import { ScrollTable } from '../features/staff/components/scroll-table'
import { StaffPage } from '../features/staff/components/staff-page'
import { formatDate } from '../lib/format'
import { ErrorMessage } from '../ui/error-message'
import { Field, formValues } from '../ui/form'
import { Loading } from '../ui/loading'

/**
 * Find a member by name and block or unblock them, with a reason, as the moderation screen
 * does (the same API routes). Administrators also search and see e-mail addresses.
 */
export function StaffMembersPage() {
  const { t } = useTranslation('records')
  return (
    <StaffPage title={t('members.title')} intro={t('members.intro')}>
      <MemberSearch />
    </StaffPage>
  )
}

function MemberSearch() {
  const { t } = useTranslation('records')
  const [params, setParams] = useSearchParams()
  const q = (params.get('q') ?? '').trim()
  const me = useQuery(meQuery)
  const isAdmin = me.data?.role === 'admin'
  const members = useInfiniteQuery(memberSearchQuery(q))
  const items = members.data?.pages.flatMap((p) => p.items) ?? []
  const [announcement, setAnnouncement] = useState('')
  const [tooShort, setTooShort] = useState(false)

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = (formValues(event.currentTarget).q ?? '').trim()
    if (value.length < 2) {
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
          {(p) => <input {...p} type="search" defaultValue={q} autoComplete="off" key={q} />}
        </Field>
        <button type="submit" className="button">
          {t('members.search')}
        </button>
      </form>
      <p role="status" className="alert alert--success status-alert">
        {announcement}
      </p>
      {q.length >= 2 && members.isPending && <Loading />}
      {members.isError && <ErrorMessage error={members.error} onRetry={() => void members.refetch()} />}
      {members.isSuccess && items.length === 0 && <p>{t('members.none', { q })}</p>}
      {items.length > 0 && (
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
              {items.map((member) => (
                <MemberRow key={member.id} member={member} showEmail={isAdmin} onDone={setAnnouncement} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
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

function MemberRow({
  member,
  showEmail,
  onDone,
}: {
  member: Member
  showEmail: boolean
  onDone: (text: string) => void
}) {
  const { t } = useTranslation('records')
  const { block, unblock } = useMemberBlock()
  const [confirming, setConfirming] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const name = member.displayName
  const columns = showEmail ? 8 : 7
  const mutation = member.blocked ? unblock : block
  return (
    <>
      <tr>
        <th scope="row">{name}</th>
        {showEmail && <td className="table-members__email">{member.email}</td>}
        <td>{t(`members.groups.${member.targetGroup ?? 'none'}`)}</td>
        <td>{member.ideas}</td>
        <td>{member.comments}</td>
        <td>{formatDate(member.createdAt)}</td>
        <td>
          <span className={member.blocked ? 'badge badge--declined' : 'badge'}>
            {member.blocked ? t('members.blocked') : t('members.active')}
          </span>
        </td>
        <td>
          <button
            ref={opener}
            type="button"
            className={
              member.blocked ? 'button button--secondary button--small' : 'button button--danger button--small'
            }
            aria-expanded={confirming}
            aria-label={member.blocked ? t('members.unblockName', { name }) : t('members.blockName', { name })}
            onClick={() => setConfirming(true)}
          >
            {member.blocked ? t('members.unblock') : t('members.block')}
          </button>
        </td>
      </tr>
      {confirming && (
        <tr>
          <td colSpan={columns}>
            <ConfirmWithReason
              scope={`member-${member.id}`}
              danger={!member.blocked}
              warning={member.blocked ? t('members.unblockWarning', { name }) : t('members.blockWarning', { name })}
              reasonLabel={t('members.reason')}
              reasonHint={t('members.reasonHint')}
              confirmLabel={member.blocked ? t('members.unblockName', { name }) : t('members.blockName', { name })}
              cancelLabel={t('members.cancel')}
              pending={mutation.isPending}
              onConfirm={async (reason) => {
                await mutation.mutateAsync({ id: member.id, reason })
                setConfirming(false)
                onDone(member.blocked ? t('members.unblockedDone', { name }) : t('members.blockedDone', { name }))
                requestAnimationFrame(() => opener.current?.focus())
              }}
              onCancel={() => {
                setConfirming(false)
                requestAnimationFrame(() => opener.current?.focus())
              }}
            />
          </td>
        </tr>
      )}
    </>
  )
}
