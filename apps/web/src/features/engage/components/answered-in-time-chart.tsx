import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ChartDataTable } from './chart-data-table'
import '../../../lib/i18n-engage'
import { formatPercent } from '../../../lib/format-number'
import { useElementWidth } from '../../../lib/use-element-width'

export type InTimeRow = { themeId: number; name: string; withinNormPct: number | null; base: number | null }

const ROW = 50
const VALUE_WIDTH = 56

/**
 * Per theme, the share of ideas answered within the norm: one bar per theme on a track
 * that stands for 100%, the theme's name above it and the value written beside it. Themes
 * with too few ideas say so in words. Title, summary and a table for screen readers.
 */
export function AnsweredInTimeChart({ id, rows, normDays }: { id: string; rows: InTimeRow[]; normDays: number }) {
  const { t } = useTranslation('engage')
  const box = useRef<HTMLDivElement>(null)
  const width = Math.max(260, useElementWidth(box, 560))
  const track = width - VALUE_WIDTH
  const height = rows.length * ROW + 4
  const shown = rows.filter((r): r is InTimeRow & { withinNormPct: number } => r.withinNormPct !== null)
  const max = shown.reduce<(typeof shown)[number] | null>(
    (a, r) => (!a || r.withinNormPct > a.withinNormPct ? r : a),
    null,
  )
  const min = shown.reduce<(typeof shown)[number] | null>(
    (a, r) => (!a || r.withinNormPct < a.withinNormPct ? r : a),
    null,
  )
  // One theme is not "the highest and the lowest"; equal shares have no highest either.
  const summary =
    !max || !min
      ? t('scorecard.inTime.none')
      : shown.length === 1
        ? t('scorecard.inTime.summaryOne', { theme: max.name, value: formatPercent(max.withinNormPct) })
        : max.withinNormPct === min.withinNormPct
          ? t('scorecard.inTime.summarySame', { value: formatPercent(max.withinNormPct) })
          : t('scorecard.inTime.summary', {
              maxTheme: max.name,
              max: formatPercent(max.withinNormPct),
              minTheme: min.name,
              min: formatPercent(min.withinNormPct),
            })

  return (
    <section className="chart-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="chart-card__title">
        {t('scorecard.inTime.title')}
      </h3>
      <p className="chart-card__desc">{t('scorecard.inTime.desc', { days: normDays })}</p>
      <div className="chart" ref={box}>
        {rows.length > 0 && (
          <svg
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-summary`}
          >
            <title>{t('scorecard.inTime.title')}</title>
            {rows.map((row, i) => {
              const top = i * ROW
              return (
                <g key={row.themeId}>
                  <text className="chart__label" x={0} y={top + 15}>
                    {row.name}
                  </text>
                  <rect className="chart__track" x={0} y={top + 22} width={track} height={18} rx={2} />
                  {row.withinNormPct === null ? (
                    <text className="chart__muted" x={8} y={top + 31} dy="0.32em">
                      {t('tooFew')}
                    </text>
                  ) : (
                    <>
                      <rect
                        className="chart__bar"
                        x={0}
                        y={top + 22}
                        width={Math.max(2, (track * row.withinNormPct) / 100)}
                        height={18}
                        rx={2}
                      />
                      <text className="chart__value" x={track + 8} y={top + 31} dy="0.32em">
                        {formatPercent(row.withinNormPct)}
                      </text>
                    </>
                  )}
                </g>
              )
            })}
          </svg>
        )}
      </div>
      <p className="chart-card__summary" id={`${id}-summary`}>
        {summary}
      </p>
      <ChartDataTable
        caption={t('scorecard.inTime.title')}
        columns={[t('scorecard.inTime.theme'), t('scorecard.inTime.value'), t('scorecard.inTime.base')]}
        rows={rows.map((row) => ({ key: row.themeId, label: row.name, pct: row.withinNormPct, count: row.base }))}
      />
    </section>
  )
}
