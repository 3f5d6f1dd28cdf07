import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ChartDataTable } from './chart-data-table'
import '../../../lib/i18n-engage'
import { formatMonth, formatPercent } from '../../../lib/format-number'
import { useElementWidth } from '../../../lib/use-element-width'

export type TrendPoint = { month: string; satisfactionPct: number | null; ratings: number | null }

const HEIGHT = 250
const MARGIN = { top: 28, right: 8, bottom: 34, left: 48 }
const GRID = [0, 25, 50, 75, 100]

/**
 * Satisfaction per month as columns on a 0–100% scale, each with its value written above
 * it: the figure is read, not guessed from a colour or a height. A month with too few
 * ratings gets a dash on the axis. Screen readers get the title, a one-sentence summary
 * and a table with every value.
 */
export function SatisfactionTrendChart({ id, points, minCell }: { id: string; points: TrendPoint[]; minCell: number }) {
  const { t } = useTranslation('engage')
  const box = useRef<HTMLDivElement>(null)
  const width = Math.max(260, useElementWidth(box, 560))
  const shown = points.filter((p): p is TrendPoint & { satisfactionPct: number } => p.satisfactionPct !== null)
  const plotWidth = width - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const slot = points.length > 0 ? plotWidth / points.length : plotWidth
  const barWidth = Math.min(56, slot * 0.64)
  const y = (pct: number) => MARGIN.top + plotHeight * (1 - pct / 100)
  // Labels that would collide are thinned out; the table below has them all.
  const labelEvery = Math.max(1, Math.ceil(34 / slot))
  const valuesFit = slot >= 34
  const max = shown.reduce<(typeof shown)[number] | null>(
    (a, p) => (!a || p.satisfactionPct > a.satisfactionPct ? p : a),
    null,
  )
  const min = shown.reduce<(typeof shown)[number] | null>(
    (a, p) => (!a || p.satisfactionPct < a.satisfactionPct ? p : a),
    null,
  )
  const first = points[0]
  const last = points.at(-1)
  // One month is not "the highest and the lowest"; equal shares have no highest either.
  const period = first && last ? { first: formatMonth(first.month), last: formatMonth(last.month) } : null
  const summary =
    !max || !min || !period
      ? t('scorecard.trend.none')
      : shown.length === 1
        ? t('scorecard.trend.summaryOne', {
            ...period,
            month: formatMonth(max.month),
            value: formatPercent(max.satisfactionPct),
          })
        : max.satisfactionPct === min.satisfactionPct
          ? t('scorecard.trend.summarySame', { ...period, value: formatPercent(max.satisfactionPct) })
          : t('scorecard.trend.summary', {
              ...period,
              max: formatPercent(max.satisfactionPct),
              maxMonth: formatMonth(max.month),
              min: formatPercent(min.satisfactionPct),
              minMonth: formatMonth(min.month),
            })

  return (
    <section className="chart-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="chart-card__title">
        {t('scorecard.trend.title')}
      </h3>
      <p className="chart-card__desc" id={`${id}-desc`}>
        {t('scorecard.trend.desc')}
      </p>
      <div className="chart" ref={box}>
        {points.length > 0 && (
          <svg
            width={width}
            height={HEIGHT}
            viewBox={`0 0 ${width} ${HEIGHT}`}
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-summary`}
          >
            <title>{t('scorecard.trend.title')}</title>
            {GRID.map((g) => (
              <g key={g}>
                <line
                  className={g === 0 ? 'chart__axis' : 'chart__grid'}
                  x1={MARGIN.left}
                  x2={width - MARGIN.right}
                  y1={y(g)}
                  y2={y(g)}
                />
                <text className="chart__tick" x={MARGIN.left - 8} y={y(g)} dy="0.32em" textAnchor="end">
                  {formatPercent(g)}
                </text>
              </g>
            ))}
            {points.map((p, i) => {
              const x = MARGIN.left + i * slot + slot / 2
              return (
                <g key={p.month}>
                  {p.satisfactionPct === null ? (
                    <text className="chart__muted" x={x} y={y(0) - 8} textAnchor="middle">
                      –
                    </text>
                  ) : (
                    <>
                      <rect
                        className="chart__bar"
                        x={x - barWidth / 2}
                        y={y(p.satisfactionPct)}
                        width={barWidth}
                        height={Math.max(1, y(0) - y(p.satisfactionPct))}
                      />
                      {valuesFit && (
                        <text className="chart__value" x={x} y={y(p.satisfactionPct) - 7} textAnchor="middle">
                          {formatPercent(p.satisfactionPct)}
                        </text>
                      )}
                    </>
                  )}
                  {i % labelEvery === 0 && (
                    <text className="chart__tick" x={x} y={HEIGHT - MARGIN.bottom + 20} textAnchor="middle">
                      {formatMonth(p.month, true)}
                    </text>
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
      {points.some((p) => p.satisfactionPct === null) && (
        <p className="chart-card__legend">{t('scorecard.tooFewLegend', { min: minCell })}</p>
      )}
      <ChartDataTable
        caption={t('scorecard.trend.title')}
        columns={[t('scorecard.trend.month'), t('scorecard.trend.value'), t('scorecard.trend.ratings')]}
        rows={points.map((p) => ({
          key: p.month,
          label: formatMonth(p.month),
          pct: p.satisfactionPct,
          count: p.ratings,
        }))}
      />
    </section>
  )
}
