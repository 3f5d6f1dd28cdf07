import { AUDIT_SUBJECT_LABELS, type AuditEntry } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-records'
import { currentLocale } from '../../../lib/i18n'

/** What an entry is about: a link to the idea or question, and its name (unless erased). */
export function AuditSubject({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('records')
  const locale = currentLocale()
  const type = AUDIT_SUBJECT_LABELS[entry.subjectType]?.[locale] ?? entry.subjectType
  const id = entry.subjectId
  if (id === null) return <>{type}</>
  const label = t('audit.subject', { type, id })
  const link =
    entry.subjectType === 'idea' ? (
      <Link to={`/medewerkers/ideeen/${id}`}>{label}</Link>
    ) : entry.subjectType === 'campaign' ? (
      <Link to={`/meedenkvragen/${id}`}>{label}</Link>
    ) : (
      label
    )
  const name = entry.subjectErased ? t('audit.erased') : entry.subjectName
  return (
    <>
      {link}
      {name && <span className="audit-subject__name">{name}</span>}
    </>
  )
}
