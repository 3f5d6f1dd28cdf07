import type { IdeaDetail, User } from '@meedenken/shared'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-engage-idea'
import { errorText } from '../../../lib/errors'
import { Button, LinkButton } from '../../../ui/button'
import { Field, Textarea } from '../../../ui/form'
import { useHelp } from '../api/support-mutations'

/**
 * "Ik denk mee" on a planned or running idea: members offer help with an optional note.
 * Only the municipality sees who offered; everyone sees how many.
 */
export function HelpControl({ idea, user }: { idea: IdeaDetail; user: User | null | undefined }) {
  const { t } = useTranslation('engage')
  const help = useHelp(idea.id)
  const [announcement, setAnnouncement] = useState('')
  // A refusal looks like an error and is read out at once; success is a polite status.
  const [error, setError] = useState('')
  const back = encodeURIComponent(`/ideeen/${idea.id}`)
  const stopButton = useRef<HTMLButtonElement>(null)
  const offerButton = useRef<HTMLButtonElement>(null)
  const moveFocus = useRef(false)

  // The pressed button is replaced by its opposite: focus follows, instead of being lost.
  useEffect(() => {
    if (!moveFocus.current) return
    moveFocus.current = false
    ;(idea.isHelping ? stopButton : offerButton).current?.focus()
  }, [idea.isHelping])

  function offer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (help.isPending) return
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim()
    moveFocus.current = true
    setError('')
    help.mutate(
      { note },
      {
        onSuccess: () => setAnnouncement(t('help.on')),
        onError: (failure) => {
          moveFocus.current = false
          setAnnouncement('')
          setError(t('help.failed', { reason: errorText(failure) }))
        },
      },
    )
  }

  function withdraw() {
    if (help.isPending) return
    moveFocus.current = true
    setError('')
    help.mutate(null, {
      onSuccess: () => setAnnouncement(t('help.off')),
      onError: (failure) => {
        moveFocus.current = false
        setAnnouncement('')
        setError(t('help.failed', { reason: errorText(failure) }))
      },
    })
  }

  return (
    <div className="support__part help">
      <p className="support__count">{t('help.count', { count: idea.helperCount })}</p>
      {user === null ? (
        <>
          <p className="support__hint">{t('help.invite')}</p>
          <p>
            <LinkButton appearance="secondary" to={`/inloggen?terug=${back}`}>
              {t('help.login')}
            </LinkButton>
          </p>
        </>
      ) : user ? (
        idea.isHelping ? (
          <>
            <p className="support__hint">{t('help.helping')}</p>
            <Button
              ref={stopButton}
              appearance="secondary"
              onClick={withdraw}
              aria-disabled={help.isPending || undefined}
            >
              {t('help.stop')}
            </Button>
          </>
        ) : (
          <form className="help__form" onSubmit={offer}>
            <p className="support__hint">{t('help.invite')}</p>
            <Field name="note" id="help-note" label={t('help.note')} hint={t('help.privacy')}>
              {(p) => <Textarea {...p} rows={2} maxLength={500} />}
            </Field>
            <Button ref={offerButton} type="submit" aria-disabled={help.isPending || undefined}>
              {t('help.button')}
            </Button>
          </form>
        )
      ) : null}
      <p className="support__status" role="status">
        {announcement}
      </p>
      {error && (
        <p className="field__error support__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
