import type { StaffIdea } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import '../../../lib/i18n-werkbak'
import { formatDate } from '../../../lib/format'
import { Checkbox } from '../../../ui/form'
import { StatusBadge } from '../../../ui/status-badge'
import type { InboxTrail } from '../inbox-trail'
import type { IdeaNames } from '../use-idea-names'
import { DueBadge, DueDate } from './due-badge'

/** One idea in the Werkbak: its deadline, facts and flags, and a box to pick it for a bulk action. */
export function InboxRow({
  item,
  names,
  trail,
  picked,
  onPick,
}: {
  item: StaffIdea
  names: IdeaNames
  trail: InboxTrail
  picked: boolean
  onPick: (on: boolean) => void
}) {
  const { t } = useTranslation(['staff', 'ideas', 'werkbak'])
  return (
    <li className={`inbox-item inbox-item--${item.badge}${picked ? ' inbox-item--picked' : ''}`}>
      <div className="inbox-item__head">
        <Checkbox
          className="inbox-item__pick"
          checked={picked}
          onChange={(event) => onPick(event.target.checked)}
          aria-label={t('werkbak:bulk.pick', { id: item.id, title: item.title })}
        />
        <h3 className="inbox-item__title">
          <Link id={`inbox-idea-${item.id}`} to={`/medewerkers/ideeen/${item.id}`} state={{ inbox: trail }}>
            {item.title}
          </Link>
        </h3>
        <p className="inbox-item__due">
          <DueBadge badge={item.badge} /> <DueDate staff={item} />
        </p>
      </div>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('idea.number')}</dt>
          <dd>#{item.id}</dd>
        </div>
        <div>
          <dt>{t('idea.status')}</dt>
          <dd>
            <StatusBadge status={item.status} />
          </dd>
        </div>
        <div>
          <dt>{t('idea.theme')}</dt>
          <dd>{names.theme(item.themeId)}</dd>
        </div>
        <div>
          <dt>{t('werkbak:facts.district')}</dt>
          <dd>{names.district(item.districtId)}</dd>
        </div>
        <div>
          <dt>{t('idea.department')}</dt>
          <dd>{names.department(item.departmentId)}</dd>
        </div>
        <div>
          <dt>{t('idea.assignee')}</dt>
          <dd>{names.colleague(item.assigneeId)}</dd>
        </div>
        <div>
          <dt>{t('idea.received')}</dt>
          <dd>
            {formatDate(item.createdAt)}
            {item.channel !== 'web' && <> ({t(`ideas:channel.${item.channel}`)})</>}
          </dd>
        </div>
      </dl>
      {(item.stale || item.openReports > 0 || item.hidden) && (
        <ul className="flags">
          {item.stale && (
            <li className="flag flag--stale">
              {t('idea.stale', { date: formatDate(item.lastPublicUpdateAt ?? item.createdAt) })}
            </li>
          )}
          {item.openReports > 0 && (
            <li className="flag flag--reported">{t('idea.reports', { count: item.openReports })}</li>
          )}
          {item.hidden && <li className="flag flag--hidden">{t('idea.hidden')}</li>}
        </ul>
      )}
    </li>
  )
}
