import type { Scorecard, ScorecardCell } from '@meedenken/shared'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { themesQuery } from '../features/catalog/api/catalog-queries'
import { openDataLinks, type ScorecardRange, scorecardQuery } from '../features/engage/api/engage-queries'
import { AnsweredInTimeChart } from '../features/engage/components/answered-in-time-chart'
import { SatisfactionTrendChart } from '../features/engage/components/satisfaction-trend-chart'
import { ScorecardTable } from '../features/engage/components/scorecard-table'
import {
  defaultRange,
  fillTrend,
  isQuarter,
  quarterParts,
  recentQuarters,
  shiftQuarter,
} from '../features/engage/scorecard-periods'
import { formatNumber, formatPercent } from '../lib/format-number'
import { currentLocale } from '../lib/i18n'
import { useServerNow } from '../lib/use-server-now'
import '../lib/i18n-engage'
import { Button } from '../ui/button'
import { ErrorMessage } from '../ui/error-message'
import { ErrorSummary, Field, formValues, Select } from '../ui/form'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../styles/engage.css'
import { localName } from '../features/catalog/local-name'

/** How far back a person can look; the API allows more, but twelve quarters fit a form. */
const QUARTERS_OFFERED = 12
/** The API's MAX_SCORECARD_QUARTERS (not imported: that would bring zod into this page). */
const MAX_QUARTERS = 40

function rangeFrom(
  params: URLSearchParams,
  now: number,
): Required<Pick<ScorecardRange, 'from' | 'to'>> & ScorecardRange {
  const fallback = defaultRange(now)
  const from = params.get('from')
  const to = params.get('to')
  const theme = params.get('theme')
  const range: Required<Pick<ScorecardRange, 'from' | 'to'>> & ScorecardRange = {
    from: isQuarter(from) ? from : fallback.from,
    to: isQuarter(to) ? to : fallback.to,
  }
  if (range.from > range.to) [range.from, range.to] = [range.to, range.from]
  // A hand-made address may ask for more than the API answers (MAX_SCORECARD_QUARTERS): the latest part of it.
  const earliest = shiftQuarter(range.to, -(MAX_QUARTERS - 1))
  if (range.from < earliest) range.from = earliest
  if (theme && /^[1-9]\d{0,8}$/.test(theme)) range.theme = theme
  return range
}

/**
 * The public scorecard: figures at a glance for the latest quarter, two charts, a table per
 * quarter with a row per target group, and the same figures as open data.
 */
export function ScorecardPage() {
  const { t } = useTranslation(['engage', 'common'])
  const [searchParams, setSearchParams] = useSearchParams()
  const now = useServerNow()
  const range = rangeFrom(searchParams, now)
  const card = useQuery({ ...scorecardQuery(range), placeholderData: keepPreviousData })
  const themes = useQuery(themesQuery)
  const [orderError, setOrderError] = useState<string | null>(null)
  const locale = currentLocale()
  const quarters = recentQuarters(now, QUARTERS_OFFERED)
  const quarterLabel = (quarter: string) => t('scorecard.quarter', quarterParts(quarter))
  const themeName = (id: number) => {
    const theme = themes.data?.items.find((th) => th.id === id)
    return theme ? localName(theme, locale) : `#${id}`
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const values = formValues(event.currentTarget)
    if ((values.from ?? '') > (values.to ?? '')) {
      setOrderError(t('scorecard.orderError'))
      return
    }
    setOrderError(null)
    const next = new URLSearchParams()
    if (values.from) next.set('from', values.from)
    if (values.to) next.set('to', values.to)
    if (values.theme) next.set('theme', values.theme)
    setSearchParams(next)
  }

  const options = [...new Set([...quarters, range.from, range.to])].sort()
  const selectedTheme = range.theme ? Number(range.theme) : null

  return (
    <>
      <PageHeading title={t('scorecard.title')}>{t('scorecard.title')}</PageHeading>
      <p className="lead">{t('scorecard.intro')}</p>
      {orderError && <ErrorSummary errors={{ from: orderError }} labels={{ from: t('scorecard.from') }} />}
      <form
        className="filters"
        aria-label={t('scorecard.filtersLabel')}
        onSubmit={apply}
        noValidate
        key={searchParams.toString()}
      >
        <div className="filters__grid">
          <Field name="from" label={t('scorecard.from')} error={orderError ?? undefined}>
            {(p) => (
              <Select {...p} defaultValue={range.from}>
                {options.map((q) => (
                  <option key={q} value={q}>
                    {quarterLabel(q)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field name="to" label={t('scorecard.to')}>
            {(p) => (
              <Select {...p} defaultValue={range.to}>
                {options.map((q) => (
                  <option key={q} value={q}>
                    {quarterLabel(q)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field name="theme" label={t('filters.theme')}>
            {(p) => (
              <Select {...p} defaultValue={range.theme ?? ''} key={themes.data ? 'themes' : 'loading'}>
                <option value="">{t('filters.allThemes')}</option>
                {themes.data?.items.map((th) => (
                  <option key={th.id} value={th.id}>
                    {localName(th, locale)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="filters__actions">
          <Button type="submit">{t('scorecard.apply')}</Button>
        </div>
      </form>
      {card.isPending && <Loading />}
      {card.isError && <ErrorMessage error={card.error} onRetry={() => void card.refetch()} />}
      {card.data && (
        <ScorecardBody
          data={card.data}
          range={range}
          now={now}
          themeId={selectedTheme}
          themeName={themeName}
          quarterLabel={quarterLabel}
        />
      )}
    </>
  )
}

type BodyProps = {
  data: Scorecard
  range: ScorecardRange
  now: number
  themeId: number | null
  themeName: (id: number) => string
  quarterLabel: (quarter: string) => string
}

function ScorecardBody({ data, range, now, themeId, themeName, quarterLabel }: BodyProps) {
  const { t } = useTranslation('engage')
  const cellsOf = (quarter: string) => data.cells.filter((c) => c.themeId === themeId && c.quarter === quarter)
  const latest = data.quarters.at(-1) ?? ''
  const total = cellsOf(latest).find((c) => c.targetGroup === 'all')
  const links = openDataLinks(range)
  const trend = fillTrend(data.trend, data.quarters, now)
  const inTime = data.answeredInTime.map((row) => ({
    themeId: row.themeId,
    name: themeName(row.themeId),
    withinNormPct: row.withinNormPct,
    base: row.base,
  }))

  return (
    <>
      <p>
        {t('scorecard.norm', { days: data.responseNormDays })} {t('scorecard.privacy', { min: data.minCellSize })}
      </p>
      <section className="section" aria-labelledby="glance-title">
        <h2 id="glance-title">
          {t('scorecard.glance', { quarter: quarterLabel(latest) })}
          {themeId !== null && (
            <span className="glance__theme"> · {t('scorecard.glanceTheme', { theme: themeName(themeId) })}</span>
          )}
        </h2>
        <Glance cell={total} normDays={data.responseNormDays} />
      </section>
      <section className="section" aria-labelledby="charts-title">
        <h2 id="charts-title">{t('scorecard.chartsTitle')}</h2>
        <div className="charts">
          <SatisfactionTrendChart id="trend" points={trend} minCell={data.minCellSize} />
          <AnsweredInTimeChart id="in-time" rows={inTime} normDays={data.responseNormDays} />
        </div>
      </section>
      <section className="section" aria-labelledby="tables-title">
        <h2 id="tables-title">{t('scorecard.tablesTitle')}</h2>
        <p>{t('scorecard.tablesIntro')}</p>
        <p className="scroll-hint">{t('scorecard.scrollHint')}</p>
        {[...data.quarters].reverse().map((quarter) => {
          const cells = cellsOf(quarter)
          return cells.length === 0 ? (
            <div key={quarter} className="scorecard-quarter">
              <h3>{quarterLabel(quarter)}</h3>
              <p>{t('scorecard.emptyQuarter')}</p>
            </div>
          ) : (
            <div key={quarter} className="scorecard-quarter">
              <ScorecardTable
                id={`q-${quarter}`}
                caption={t('scorecard.caption', { quarter: quarterLabel(quarter) })}
                cells={cells}
                normDays={data.responseNormDays}
              />
            </div>
          )
        })}
      </section>
      <section className="section" aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('scorecard.downloadsTitle')}</h2>
        <p>{t('scorecard.downloadsIntro')}</p>
        <ul className="downloads">
          <li>
            <a href={links.scorecardExcel} download>
              {t('scorecard.scorecardExcel')}
            </a>
          </li>
          <li>
            <a href={links.scorecardCsv} download>
              {t('scorecard.scorecardCsv')}
            </a>
          </li>
          <li>
            <a href={links.scorecardJson}>{t('scorecard.scorecardJson')}</a>
          </li>
          <li>
            <a href={links.ideasExcel} download>
              {t('scorecard.ideasExcel')}
            </a>
          </li>
          <li>
            <a href={links.ideasCsv} download>
              {t('scorecard.ideasCsv')}
            </a>
          </li>
          <li>
            <a href={links.ideasJson} download>
              {t('scorecard.ideasJson')}
            </a>
          </li>
        </ul>
        <p>
          <Link to="/open-data">{t('scorecard.openDataLink')}</Link>
        </p>
      </section>
    </>
  )
}

/** Four figures of the latest quarter, each with what it means in words. */
function Glance({ cell, normDays }: { cell: ScorecardCell | undefined; normDays: number }) {
  const { t } = useTranslation('engage')
  const tooFew = <span className="too-few">{t('tooFew')}</span>
  const pct = (value: number | null | undefined) =>
    value === null || value === undefined ? tooFew : formatPercent(value)
  return (
    <dl className="glance">
      <div className="glance__item">
        <dt>{t('scorecard.received')}</dt>
        <dd className="glance__value">
          {cell?.received === null || cell?.received === undefined ? tooFew : formatNumber(cell.received, 0)}
        </dd>
      </div>
      <div className="glance__item">
        <dt>{t('scorecard.withinNorm')}</dt>
        <dd className="glance__value">{pct(cell?.withinNormPct)}</dd>
        <dd className="glance__hint">{t('scorecard.withinNormHint', { days: normDays })}</dd>
      </div>
      <div className="glance__item">
        <dt>{t('scorecard.satisfied')}</dt>
        <dd className="glance__value">{pct(cell?.satisfactionPct)}</dd>
        <dd className="glance__hint">
          {t('scorecard.satisfiedHint')}
          {cell?.ratings ? `, ${t('scorecard.ofRatings', { count: cell.ratings })}` : ''}
        </dd>
      </div>
      <div className="glance__item">
        <dt>{t('scorecard.implemented')}</dt>
        <dd className="glance__value">{pct(cell?.implementedPct)}</dd>
        <dd className="glance__hint">{t('scorecard.implementedHint')}</dd>
      </div>
    </dl>
  )
}
