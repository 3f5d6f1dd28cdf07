import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { Alert } from '../../../ui/alert'
import { QueryState } from '../../../ui/query-state'
import { moderationQuery } from '../api/staff-queries'
import { BlockedMembersList } from './blocked-members-list'
import { ModerationCard } from './moderation-card'

/** The queue of reported ideas and comments, then the blocked members, with one line that says what was done. */
export function ModerationWork() {
  const { t } = useTranslation('staff')
  const queue = useQuery(moderationQuery)
  const [announcement, setAnnouncement] = useState('')
  const heading = useRef<HTMLHeadingElement>(null)

  function handled(text: string) {
    setAnnouncement(text)
    // The item leaves the list: continue at the top of what is left.
    heading.current?.focus()
  }

  return (
    <>
      {/* The live region is there before the message, so screen readers read it; the box shows only with a message. */}
      <div role="status">{announcement && <Alert type="ok">{announcement}</Alert>}</div>
      <section aria-labelledby="queue-title">
        <h2 id="queue-title" ref={heading} tabIndex={-1}>
          {t('moderation.queueTitle')}
          {queue.data && <span className="heading-count"> ({queue.data.items.length})</span>}
        </h2>
        <QueryState
          query={queue}
          empty={
            <div className="empty-state">
              <p className="empty-state__title">{t('moderation.empty')}</p>
            </div>
          }
        >
          {(data) => (
            <ol className="moderation-list">
              {data.items.map((item) => (
                <li key={`${item.subjectType}-${item.subjectId}`}>
                  <ModerationCard
                    item={item}
                    onHandled={handled}
                    onBlocked={(name) => setAnnouncement(t('moderation.blocked', { name }))}
                  />
                </li>
              ))}
            </ol>
          )}
        </QueryState>
      </section>
      <BlockedMembersList onUnblocked={(name) => setAnnouncement(t('moderation.unblocked', { name }))} />
    </>
  )
}
