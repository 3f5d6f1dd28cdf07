import type { District, Theme } from '@meedenken/shared'
import { TARGET_GROUPS } from '@meedenken/shared/constants'
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-participate'
import '../../../lib/i18n-participate-form'
import { errorText, fieldErrors } from '../../../lib/errors'
import { currentLocale } from '../../../lib/i18n'
import { Button } from '../../../ui/button'
import { Checkboxes, ErrorSummary, Field, type FieldErrors, Select, Textarea, TextInput } from '../../../ui/form'
import { localName } from '../../catalog/local-name'
import { usePreviewIdea } from '../api/propose-queries'
import { draftFromForm, type IdeaDraft } from '../idea-draft'
import { BODY_LENGTH, TITLE_LENGTH } from '../idea-rules'
import { SimilarIdeas } from './similar-ideas'

type Props = {
  initial: IdeaDraft
  themes: Theme[]
  districts: District[]
  /** Offer similar existing ideas while the title is typed (for new ideas). */
  suggestSimilar?: boolean
  submitLabel: string
  onDraftChange?: (draft: IdeaDraft) => void
  /** Sends the idea; a rejection (such as the API's field errors) brings the form back. */
  onSubmit: (draft: IdeaDraft) => Promise<unknown>
  /** The optional place section (the page passes features/map's picker), after the district. */
  placeField?: ReactNode
  /**
   * The optional photos section (the page passes features/photos' picker), last: its
   * check runs with the form's own (errors by field name), its labels name them in the summary.
   */
  photos?: { field: ReactNode; check: () => FieldErrors; labels: Record<string, string>; preview?: ReactNode }
}

// `attempt` makes the summary take focus again when the same problem comes back.
type Problem = { errors: FieldErrors; message?: string | undefined; attempt: number }
type Shown = { draft: IdeaDraft; html: string }

/**
 * Write, check, send: the form first, then a preview rendered by the API exactly as others
 * will see it, then sending. The form stays mounted (hidden) during the preview, so going
 * back keeps everything that was typed.
 */
export function IdeaForm({
  initial,
  themes,
  districts,
  suggestSimilar,
  submitLabel,
  onDraftChange,
  onSubmit,
  placeField,
  photos,
}: Props) {
  const { t } = useTranslation(['participate', 'ideas'])
  const preview = usePreviewIdea()
  const [title, setTitle] = useState(initial.title)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [shown, setShown] = useState<Shown | null>(null)
  const [sending, setSending] = useState(false)
  const previewHeading = useRef<HTMLHeadingElement>(null)
  const titleInput = useRef<HTMLInputElement>(null)
  const focusTitle = useRef(false)
  const locale = currentLocale()

  const labels = {
    title: t('form.title'),
    body: t('form.body'),
    themeId: t('form.theme'),
    districtId: t('form.district'),
    targetGroups: t('form.targetGroups'),
  }
  const errors = problem?.errors ?? {}

  // Focus follows the step: the preview's heading, or back to the title the member wants to change.
  useEffect(() => {
    if (shown) previewHeading.current?.focus()
    else if (focusTitle.current) {
      focusTitle.current = false
      titleInput.current?.focus()
    }
  }, [shown])

  function check(draft: IdeaDraft): FieldErrors {
    const found: FieldErrors = {}
    const titleLength = draft.title.trim().length
    const bodyLength = draft.body.trim().length
    if (titleLength < TITLE_LENGTH.min) found.title = t('form.errors.titleShort', { min: TITLE_LENGTH.min })
    else if (titleLength > TITLE_LENGTH.max) found.title = t('form.errors.titleLong', { max: TITLE_LENGTH.max })
    if (bodyLength < BODY_LENGTH.min) found.body = t('form.errors.bodyShort', { min: BODY_LENGTH.min })
    else if (bodyLength > BODY_LENGTH.max) found.body = t('form.errors.bodyLong', { max: BODY_LENGTH.max })
    if (!draft.themeId) found.themeId = t('form.errors.theme')
    return found
  }

  function problemFrom(error: unknown): Problem {
    const fields = fieldErrors(error)
    const message = Object.keys(fields).length === 0 ? errorText(error) : undefined
    return { errors: fields, message, attempt: Date.now() }
  }

  function toPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (preview.isPending) return
    const draft = draftFromForm(event.currentTarget)
    const found = { ...check(draft), ...photos?.check() }
    if (Object.keys(found).length > 0) {
      setProblem({ errors: found, attempt: Date.now() })
      return
    }
    preview.mutate(draft.body, {
      onSuccess: ({ html }) => {
        setProblem(null)
        setShown({ draft, html })
      },
      onError: (error) => setProblem(problemFrom(error)),
    })
  }

  async function send() {
    if (!shown || sending) return
    setSending(true)
    try {
      await onSubmit(shown.draft)
    } catch (error) {
      setProblem(problemFrom(error))
      setShown(null)
    } finally {
      setSending(false)
    }
  }

  function backToForm() {
    focusTitle.current = true
    setShown(null)
  }

  function changed(event: FormEvent<HTMLFormElement>) {
    const draft = draftFromForm(event.currentTarget)
    setTitle(draft.title)
    onDraftChange?.(draft)
  }

  const themeName = (id: string) => {
    const theme = themes.find((th) => String(th.id) === id)
    return theme && localName(theme, locale)
  }
  const districtName = (id: string) => districts.find((d) => String(d.id) === id)?.name

  return (
    <>
      <div hidden={shown !== null}>
        {problem && (
          <ErrorSummary
            key={problem.attempt}
            errors={problem.errors}
            labels={{ ...labels, ...photos?.labels }}
            message={problem.message}
          />
        )}
        <form className="form idea-form" noValidate onSubmit={toPreview} onChange={changed}>
          <Field
            name="title"
            label={labels.title}
            hint={t('form.titleHint', { min: TITLE_LENGTH.min, max: TITLE_LENGTH.max })}
            error={errors.title}
          >
            {(p) => (
              <TextInput
                {...p}
                ref={titleInput}
                type="text"
                defaultValue={initial.title}
                maxLength={TITLE_LENGTH.max}
                autoComplete="off"
              />
            )}
          </Field>
          {suggestSimilar && <SimilarIdeas title={title} />}
          <Field
            name="body"
            label={labels.body}
            hint={`${t('form.bodyHint', { min: BODY_LENGTH.min })} ${t('markdownHint')}`}
            error={errors.body}
          >
            {(p) => <Textarea {...p} rows={8} defaultValue={initial.body} maxLength={BODY_LENGTH.max} />}
          </Field>
          <Field name="themeId" label={labels.themeId} error={errors.themeId}>
            {(p) => (
              // Re-created once the themes arrive, so a kept draft's choice is shown.
              <Select {...p} defaultValue={initial.themeId} key={themes.length}>
                <option value="">{t('form.chooseTheme')}</option>
                {themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {localName(theme, locale)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field name="districtId" label={labels.districtId} error={errors.districtId}>
            {(p) => (
              <Select {...p} defaultValue={initial.districtId} key={districts.length}>
                <option value="">{t('form.noDistrict')}</option>
                {districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {placeField}
          <Checkboxes
            name="targetGroups"
            legend={labels.targetGroups}
            hint={t('form.targetGroupsHint')}
            defaultValues={initial.targetGroups}
            error={errors.targetGroups}
            options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`ideas:targetGroupPlural.${g}`) }))}
          />
          {photos?.field}
          <div className="form__actions">
            <Button type="submit" aria-disabled={preview.isPending || undefined}>
              {preview.isPending ? t('form.previewing') : t('form.preview')}
            </Button>
          </div>
        </form>
      </div>
      {shown && (
        <section className="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading" ref={previewHeading} tabIndex={-1}>
            {t('preview.title')}
          </h2>
          <p>{t('preview.intro')}</p>
          <div className="preview__card">
            <div className="idea-card__meta">
              {themeName(shown.draft.themeId) && <span className="tag">{themeName(shown.draft.themeId)}</span>}
              <span className="tag tag--place">
                {districtName(shown.draft.districtId) ?? t('ideas:card.everywhere')}
              </span>
            </div>
            {shown.draft.place && (
              <p>
                <strong>{t('preview.place')}:</strong>{' '}
                {shown.draft.place.label ??
                  `${shown.draft.place.latitude.toFixed(5)}, ${shown.draft.place.longitude.toFixed(5)}`}
              </p>
            )}
            <h3 className="preview__title">{shown.draft.title.trim()}</h3>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the html comes from the API's preview, rendered from markdown and sanitised (allow-list) exactly as it will be stored */}
            <div className="prose" dangerouslySetInnerHTML={{ __html: shown.html }} />
            {photos?.preview}
            {shown.draft.targetGroups.length > 0 && (
              <p>
                <strong>{t('preview.concerns')}:</strong>{' '}
                {shown.draft.targetGroups.map((g) => t(`ideas:targetGroupPlural.${g}`)).join(', ')}
              </p>
            )}
          </div>
          <div className="form__actions">
            <Button onClick={() => void send()} aria-disabled={sending || undefined}>
              {sending ? t('form.sending') : submitLabel}
            </Button>
            <Button appearance="secondary" onClick={backToForm}>
              {t('preview.change')}
            </Button>
          </div>
        </section>
      )}
    </>
  )
}
