import { useQuery } from '@tanstack/react-query'
import { type RefObject, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-werkbak'
import { Button } from '../../../ui/button'
import { Field, Select } from '../../../ui/form'
import { localName } from '../../catalog/local-name'
import { departmentsQuery, ideaTemplatesQuery } from '../api/staff-queries'

/**
 * The department's answer texts, with the resident's name and the idea's title already
 * filled in. Choosing one puts its text in the answer field, where it can still be changed.
 */
export function AnswerTemplatePicker({
  ideaId,
  into,
}: {
  ideaId: number
  into: RefObject<HTMLTextAreaElement | null>
}) {
  const { t } = useTranslation('werkbak')
  const templates = useQuery(ideaTemplatesQuery(ideaId))
  const departments = useQuery(departmentsQuery)
  const [chosen, setChosen] = useState('')
  const [said, setSaid] = useState('')
  const items = templates.data?.items ?? []
  if (!templates.isSuccess) return null
  if (items.length === 0) {
    return (
      <p className="utrecht-form-field-description">
        {t('templates.none')} <Link to="/medewerkers/antwoordteksten">{t('templates.manage')}</Link>
      </p>
    )
  }
  const department = (id: number) => {
    const d = departments.data?.items.find((x) => x.id === id)
    return d ? localName(d) : ''
  }
  const groups = [...new Set(items.map((i) => i.departmentId))]

  function use() {
    const template = items.find((i) => String(i.id) === chosen)
    const field = into.current
    if (!field) return
    if (!template) {
      setSaid(t('templates.chooseFirst'))
      return
    }
    // Added after what is already typed, so nothing written is lost.
    field.value = field.value.trim() ? `${field.value.trimEnd()}\n\n${template.text}` : template.text
    field.focus()
    setSaid(t('templates.used', { title: template.title }))
  }

  return (
    <div className="template-picker">
      <Field name="template" id="answer-template" label={t('templates.pick')} hint={t('templates.pickHint')}>
        {(p) => (
          <div className="template-picker__row">
            {/* No name: the choice is not part of the answer form's values. */}
            <Select
              id={p.id}
              aria-describedby={p['aria-describedby']}
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
            >
              <option value="">{t('templates.choose')}</option>
              {groups.map((id) => (
                <optgroup key={id} label={department(id)}>
                  {items
                    .filter((i) => i.departmentId === id)
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.title}
                      </option>
                    ))}
                </optgroup>
              ))}
            </Select>
            <Button appearance="secondary" onClick={use}>
              {t('templates.use')}
            </Button>
          </div>
        )}
      </Field>
      <p role="status" className="utrecht-form-field-description">
        {said}
      </p>
    </div>
  )
}
