import type { AnswerTemplate } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { QueryState } from '../../../ui/query-state'
import { localName } from '../../catalog/local-name'
import { useTemplateActions } from '../api/staff-mutations'
import { answerTemplatesQuery, departmentsQuery } from '../api/staff-queries'
import { AnswerTemplateForm } from './answer-template-form'
import { AnswerTemplateItem } from './answer-template-item'
import { SuccessLine } from './success-line'

/**
 * The answer texts staff keep per department: add, change and delete. In the answer form
 * of an idea they come with the resident's name and the idea's title filled in.
 */
export function AnswerTemplates() {
  const { t } = useTranslation('werkbak')
  const templates = useQuery(answerTemplatesQuery)
  const departments = useQuery(departmentsQuery)
  const actions = useTemplateActions()
  const [editing, setEditing] = useState<AnswerTemplate | null>(null)
  const [done, setDone] = useState('')
  const formHeading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (editing) formHeading.current?.focus()
  }, [editing])

  return (
    <QueryState query={departments}>
      {({ items: allDepartments }) => (
        <QueryState query={templates}>
          {({ items }) => (
            <>
              <SuccessLine>{done}</SuccessLine>
              <section className="work-section" aria-labelledby="template-form-title">
                <h2 id="template-form-title" ref={formHeading} tabIndex={-1}>
                  {editing ? t('templates.editTitle', { title: editing.title }) : t('templates.newTitle')}
                </h2>
                {allDepartments.length === 0 ? (
                  <p>{t('templates.noDepartments')}</p>
                ) : (
                  <AnswerTemplateForm
                    key={editing?.id ?? 'new'}
                    editing={editing}
                    departments={allDepartments}
                    actions={actions}
                    onDone={(message) => {
                      setEditing(null)
                      setDone(message)
                    }}
                    onCancel={() => setEditing(null)}
                  />
                )}
              </section>
              <section className="template-lists" aria-labelledby="template-list-title">
                <h2 id="template-list-title">{t('templates.listTitle')}</h2>
                {items.length === 0 && <p>{t('templates.empty')}</p>}
                {allDepartments
                  .filter((d) => items.some((i) => i.departmentId === d.id))
                  .map((d) => (
                    <section key={d.id} className="template-group" aria-labelledby={`template-group-${d.id}`}>
                      <h3 id={`template-group-${d.id}`}>{localName(d)}</h3>
                      <ul className="template-list">
                        {items
                          .filter((i) => i.departmentId === d.id)
                          .map((template) => (
                            <AnswerTemplateItem
                              key={template.id}
                              template={template}
                              actions={actions}
                              onEdit={() => {
                                setDone('')
                                setEditing(template)
                              }}
                              onDeleted={() => setDone(t('templates.deleted', { title: template.title }))}
                            />
                          ))}
                      </ul>
                    </section>
                  ))}
              </section>
            </>
          )}
        </QueryState>
      )}
    </QueryState>
  )
}
