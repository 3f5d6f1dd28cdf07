import { AUDIT_ACTOR_TEXT, type AuditEntry, auditActionLabel } from '@meedenken/shared'
import { formatDateTime } from '../../../lib/format'
import { currentLocale } from '../../../lib/i18n'
import { AuditSubject } from './audit-subject'

/**
 * One entry in words: who (a name, "verwijderd account", or the command line), what (the
 * action's label), about what (the idea's title, the person's name…), and the details the
 * API wrote out, without codes and without empty ones.
 */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const locale = currentLocale()
  const who = entry.actorErased
    ? AUDIT_ACTOR_TEXT.erased[locale]
    : entry.actorName ||
      (entry.details?.actor === 'command_line' ? AUDIT_ACTOR_TEXT.commandLine[locale] : AUDIT_ACTOR_TEXT.system[locale])
  return (
    <tr>
      <td>
        <time dateTime={entry.createdAt} id={`audit-${entry.id}`} tabIndex={-1}>
          {formatDateTime(entry.createdAt)}
        </time>
      </td>
      <td>{who}</td>
      <td>{auditActionLabel(entry.action)[locale]}</td>
      <td>
        <AuditSubject entry={entry} />
      </td>
      <td>
        {entry.lines.length > 0 && (
          <dl className="audit-details">
            {entry.lines.map((line) => (
              <div key={line.label.en}>
                <dt>{line.label[locale]}</dt>
                <dd>{line.value[locale]}</dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  )
}
