import type { Campaign } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { Alert } from '../../../ui/alert'
import { Button } from '../../../ui/button'
import { QueryState } from '../../../ui/query-state'
import { campaignsQuery } from '../api/staff-queries'
import { CampaignEditor } from './campaign-editor'
import { StaffCampaignCard } from './staff-campaign-card'

/**
 * The questions to the public and the editor below them: "Bewerken" fills the editor and
 * takes focus there; after a save, focus goes to the line that says what happened.
 */
export function CampaignWork() {
  const { t } = useTranslation('staff')
  const campaigns = useQuery(campaignsQuery)
  const [editing, setEditing] = useState<Campaign | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const editorHeading = useRef<HTMLHeadingElement>(null)
  const status = useRef<HTMLDivElement>(null)
  const [focusEditor, setFocusEditor] = useState(0)
  const [saved, setSaved] = useState(0)

  useEffect(() => {
    if (focusEditor === 0) return
    editorHeading.current?.focus()
    editorHeading.current?.scrollIntoView({ block: 'start' })
  }, [focusEditor])

  // After the render that shows what happened, not in a frame callback that a busy
  // page may run before or after other updates.
  useEffect(() => {
    if (saved > 0) status.current?.focus()
  }, [saved])

  function edit(campaign: Campaign | null) {
    setEditing(campaign)
    setFocusEditor((n) => n + 1)
  }

  return (
    <>
      <p>
        <Button appearance="secondary" onClick={() => edit(null)}>
          {t('campaigns.new')}
        </Button>
      </p>
      <section aria-labelledby="campaign-list-title">
        <h2 id="campaign-list-title">{t('campaigns.listTitle')}</h2>
        <QueryState query={campaigns} empty={<p>{t('campaigns.none')}</p>}>
          {(data) => (
            <ul className="campaign-list">
              {data.items.map((campaign) => (
                <li key={campaign.id}>
                  <StaffCampaignCard campaign={campaign} onEdit={() => edit(campaign)} onAnnounce={setAnnouncement} />
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>
      {/* The live region is there before the message, so screen readers read it; the box shows only with a message. */}
      <div role="status" ref={status} tabIndex={-1}>
        {announcement && <Alert type="ok">{announcement}</Alert>}
      </div>
      <CampaignEditor
        key={editing?.id ?? 'new'}
        campaign={editing}
        headingRef={editorHeading}
        onSaved={(text) => {
          setAnnouncement(text)
          setEditing(null)
          // The form starts afresh (its button is gone): focus goes to what happened.
          setSaved((n) => n + 1)
        }}
        onCancel={() => edit(null)}
      />
    </>
  )
}
