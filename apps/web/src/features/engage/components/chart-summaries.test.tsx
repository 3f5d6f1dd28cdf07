import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import '../../../lib/i18n'
import '../../../lib/i18n-engage'
import { AnsweredInTimeChart, type InTimeRow } from './answered-in-time-chart'
import { SatisfactionTrendChart, type TrendPoint } from './satisfaction-trend-chart'

afterEach(cleanup)

const summaryOf = (id: string) => document.getElementById(`${id}-summary`)?.textContent

describe('the one-sentence summaries under the charts', () => {
  const row = (themeId: number, name: string, withinNormPct: number | null): InTimeRow => ({
    themeId,
    name,
    withinNormPct,
    base: withinNormPct === null ? null : 12,
  })

  it('name the highest and the lowest theme when there are several', () => {
    render(<AnsweredInTimeChart id="c" normDays={10} rows={[row(1, 'Groen', 90), row(2, 'Wegen', 40)]} />)
    expect(summaryOf('c')).toBe('Het hoogst bij Groen (90%), het laagst bij Wegen (40%).')
  })

  it('do not call one theme both the highest and the lowest', () => {
    render(<AnsweredInTimeChart id="c" normDays={10} rows={[row(1, 'Groen', 100), row(2, 'Wegen', null)]} />)
    expect(summaryOf('c')).toBe('Alleen bij Groen zijn genoeg ideeën om dit te laten zien: 100%.')
  })

  it('say so when every theme with figures has the same share', () => {
    render(<AnsweredInTimeChart id="c" normDays={10} rows={[row(1, 'Groen', 75), row(2, 'Wegen', 75)]} />)
    expect(summaryOf('c')).toBe('Bij elk thema met genoeg ideeën: 75%.')
  })

  const point = (month: string, satisfactionPct: number | null): TrendPoint => ({
    month,
    satisfactionPct,
    ratings: satisfactionPct === null ? null : 8,
  })

  it('do not call one month both the highest and the lowest', () => {
    render(
      <SatisfactionTrendChart
        id="t"
        minCell={5}
        points={[point('2026-09', null), point('2026-10', 80), point('2026-11', null)]}
      />,
    )
    expect(summaryOf('t')).toBe(
      'Van september 2026 tot en met november 2026. Alleen in oktober 2026 waren er genoeg beoordelingen: 80% tevreden.',
    )
  })

  it('name the highest and lowest month when there are several', () => {
    render(<SatisfactionTrendChart id="t" minCell={5} points={[point('2026-10', 80), point('2026-11', 60)]} />)
    expect(summaryOf('t')).toBe(
      'Van oktober 2026 tot en met november 2026. Het hoogst was 80% in oktober 2026, het laagst 60% in november 2026.',
    )
  })

  it('say so when every month with figures has the same share', () => {
    render(<SatisfactionTrendChart id="t" minCell={5} points={[point('2026-10', 70), point('2026-11', 70)]} />)
    expect(summaryOf('t')).toBe(
      'Van oktober 2026 tot en met november 2026. Elke maand met genoeg beoordelingen: 70% tevreden.',
    )
  })
})
