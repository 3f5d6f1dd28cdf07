import type { StaffIdeaDetail } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import { formatDate } from '../../../lib/format'
import { useIdeaNames } from '../use-idea-names'
import { DueBadge, DueDate } from './due-badge'

/** The idea at a glance for staff: its deadline, who has it, who sent it in, its support and reports. */
export function IdeaWorkSummary({ detail }: { detail: StaffIdeaDetail }) {
  const { t } = useTranslation(['staff', 'ideas'])
  const { idea, staff } = detail
  const names = useIdeaNames()
  return (
    <section className={`work-summary work-summary--${staff.badge}`} aria-labelledby="summary-title">
      <h2 id="summary-title" className="visually-hidden">
        {t('idea.summary')}
      </h2>
      <div className="work-summary__norm">
        <p className="work-summary__badge">
          <DueBadge badge={staff.badge} />
        </p>
        <p className="work-summary__due">
          <DueDate staff={staff} />
        </p>
        {idea.waitingWorkingDays !== null && (
          <p className="work-summary__waiting">
            {t('idea.waiting', { count: idea.waitingWorkingDays, norm: idea.responseNormDays })}
          </p>
        )}
        {staff.stale && (
          <p className="flag flag--stale">
            {t('idea.stale', { date: formatDate(staff.lastPublicUpdateAt ?? idea.createdAt) })}
          </p>
        )}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('idea.department')}</dt>
          <dd>{names.department(staff.departmentId)}</dd>
        </div>
        <div>
          <dt>{t('idea.assignee')}</dt>
          <dd>{names.colleague(staff.assigneeId)}</dd>
        </div>
        <div>
          <dt>{t('idea.submitter')}</dt>
          <dd>
            {idea.author.id === null ? t('idea.deletedAuthor') : idea.author.displayName}
            {idea.author.targetGroup && <> ({t(`ideas:targetGroup.${idea.author.targetGroup}`).toLowerCase()})</>}
          </dd>
        </div>
        <div>
          <dt>{t('idea.received')}</dt>
          <dd>
            {formatDate(idea.createdAt)} {t(`ideas:channel.${idea.channel}`)}
          </dd>
        </div>
        <div>
          <dt>{t('idea.support')}</dt>
          <dd>
            {t('idea.votes', { count: idea.voteCount })}, {t('idea.followers', { count: idea.followerCount })}
          </dd>
        </div>
        {staff.openReports > 0 && (
          <div>
            <dt>{t('idea.reportsLabel')}</dt>
            <dd>
              <Link to="/medewerkers/moderatie">{t('idea.reports', { count: staff.openReports })}</Link>
            </dd>
          </div>
        )}
      </dl>
      {!staff.hidden && (
        <p className="work-summary__public">
          <Link to={`/ideeen/${idea.id}`}>{t('idea.publicPage')}</Link>
        </p>
      )}
    </section>
  )
}
