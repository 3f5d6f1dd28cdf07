import type { ScorecardCell } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-engage'
import { formatNumber, formatPercent } from '../../../lib/format-number'
import { Table } from '../../../ui/table'

const GROUP_ORDER: ScorecardCell['targetGroup'][] = ['all', 'resident', 'entrepreneur', 'organisation', 'unknown']
const DECLINE_REASONS = ['not_municipal_task', 'legal', 'budget', 'policy', 'other'] as const
const CHANNELS = ['web', 'phone', 'desk', 'letter', 'email'] as const

type Props = { id: string; caption: string; cells: ScorecardCell[]; normDays: number }

/**
 * One quarter: a row per target group. When a group sent in fewer than five ideas, its
 * idea figures are one cell saying "too few responses" — never a 0, which would be untrue.
 * Satisfaction has its own threshold, so it may still show.
 */
export function ScorecardTable({ id, caption, cells, normDays }: Props) {
  const { t } = useTranslation(['engage', 'ideas'])
  const rows = [...cells].sort((a, b) => GROUP_ORDER.indexOf(a.targetGroup) - GROUP_ORDER.indexOf(b.targetGroup))
  const tooFew = <span className="too-few">{t('tooFew')}</span>
  const pct = (value: number | null) => (value === null ? tooFew : formatPercent(value))

  function reasons(cell: ScorecardCell) {
    const entries = DECLINE_REASONS.filter((r) => (cell.declineReasons?.[r] ?? 0) > 0)
    if (entries.length === 0) return null
    return (
      <ul className="cell-list">
        {entries.map((r) => (
          <li key={r}>
            {t(`ideas:declineReason.${r}`)}: {cell.declineReasons?.[r]}
          </li>
        ))}
      </ul>
    )
  }

  function channels(cell: ScorecardCell) {
    const entries = CHANNELS.filter((c) => (cell.channels?.[c] ?? 0) > 0)
    if (entries.length === 0) return '–'
    return entries.map((c) => `${t(`scorecard.channel.${c}`)}: ${cell.channels?.[c]}`).join(', ')
  }

  return (
    // A table wider than a phone scrolls sideways, in its own box that keyboard users can scroll.
    <Table
      scrolls
      caption={caption}
      captionId={`${id}-caption`}
      captionClassName="scorecard-table__caption"
      className="scorecard-table"
    >
      <thead>
        <tr>
          <th scope="col">{t('scorecard.col.group')}</th>
          <th scope="col">{t('scorecard.col.received')}</th>
          <th scope="col">
            {t('scorecard.col.withinNorm')}
            <span className="th-hint">{t('scorecard.withinNormHint', { days: normDays })}</span>
          </th>
          <th scope="col">{t('scorecard.col.median')}</th>
          <th scope="col">{t('scorecard.col.implemented')}</th>
          <th scope="col" className="scorecard-table__reasons">
            {t('scorecard.col.declined')}
          </th>
          <th scope="col" className="scorecard-table__channels">
            {t('scorecard.col.channels')}
          </th>
          <th scope="col">{t('scorecard.col.satisfaction')}</th>
          <th scope="col">{t('scorecard.col.followup')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((cell) => (
          <tr key={cell.targetGroup} className={cell.targetGroup === 'all' ? 'scorecard-table__total' : undefined}>
            <th scope="row">{t(`scorecard.group.${cell.targetGroup}`)}</th>
            {cell.suppressed ? (
              <td colSpan={6} className="scorecard-table__suppressed">
                {tooFew}
              </td>
            ) : (
              <>
                <td>{cell.received === null ? tooFew : formatNumber(cell.received, 0)}</td>
                <td>{pct(cell.withinNormPct)}</td>
                <td>{cell.medianAnswerDays === null ? tooFew : formatNumber(cell.medianAnswerDays)}</td>
                <td>{pct(cell.implementedPct)}</td>
                <td className="scorecard-table__reasons">
                  {pct(cell.declinedPct)}
                  {reasons(cell)}
                </td>
                <td className="scorecard-table__channels">{channels(cell)}</td>
              </>
            )}
            <td>
              {cell.satisfactionPct === null || cell.ratings === null ? (
                tooFew
              ) : (
                <>
                  <strong>{formatPercent(cell.satisfactionPct)}</strong>{' '}
                  <span className="cell-note">{t('scorecard.ofRatings', { count: cell.ratings })}</span>
                </>
              )}
            </td>
            <td>{cell.followup ? t('scorecard.followupValue', cell.followup) : tooFew}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
