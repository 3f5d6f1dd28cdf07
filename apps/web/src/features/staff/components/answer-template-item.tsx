import type { AnswerTemplate } from '@meedenken/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { errorText } from '../../../lib/errors'
import { Alert } from '../../../ui/alert'
import { Button } from '../../../ui/button'
import type { useTemplateActions } from '../api/staff-mutations'

/** One answer text: read it, change it, or delete it after a confirmation. */
export function AnswerTemplateItem({
  template,
  actions,
  onEdit,
  onDeleted,
}: {
  template: AnswerTemplate
  actions: ReturnType<typeof useTemplateActions>
  onEdit: () => void
  onDeleted: () => void
}) {
  const { t } = useTranslation('werkbak')
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState('')
  const confirmBox = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (confirming) confirmBox.current?.focus()
  }, [confirming])

  function remove() {
    if (actions.remove.isPending) return
    actions.remove.mutate(template.id, {
      onSuccess: onDeleted,
      onError: (error) => {
        setConfirming(false)
        setProblem(errorText(error))
      },
    })
  }

  return (
    <li className="template-item">
      <h4>{template.title}</h4>
      <p className="pre-wrap">{template.body}</p>
      {confirming ? (
        <div className="confirm-box" ref={confirmBox} tabIndex={-1}>
          <p>{t('templates.confirmDelete', { title: template.title })}</p>
          <div className="form__actions">
            <Button tone="negative" onClick={remove}>
              {t('templates.deleteYes')}
            </Button>
            <Button appearance="secondary" onClick={() => setConfirming(false)}>
              {t('templates.deleteNo')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="form__actions">
          <Button
            onClick={onEdit}
            aria-label={t('templates.editLabel', { title: template.title })}
            appearance="secondary"
            size="small"
          >
            {t('templates.edit')}
          </Button>
          <Button
            onClick={() => setConfirming(true)}
            aria-label={t('templates.deleteLabel', { title: template.title })}
            appearance="secondary"
            size="small"
          >
            {t('templates.delete')}
          </Button>
        </div>
      )}
      {problem && (
        <Alert type="error" role="alert">
          {problem}
        </Alert>
      )}
    </li>
  )
}
