import '../lib/i18n-records'
import '../lib/i18n-staff'
import '../styles/staff.css'
import type { DepartmentFigures } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { localName } from '../features/catalog/local-name'
import { dashboardExportLink } from '../features/engage/api/records-api'
import { recentQuarters } from '../features/staff/amsterdam-dates'
import { dashboardQuery, departmentsQuery } from '../features/staff/api/staff-queries'
import { ScrollTable } from '../features/staff/components/scroll-table'
import { StaffPage } from '../features/staff/components/staff-page'
import { currentLocale } from '../lib/i18n'
import { useServerNow } from '../lib/use-server-now'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'

const QUARTER = /^\d{4}-Q[1-4]$/

export function StaffDashboardPage() {
  const { t } = useTranslation('staff')
  return (
    <StaffPage title={t('dashboard.title')} intro={t('dashboard.intro')}>
      <Dashboard />
    </StaffPage>
  )
}

/** "2026-Q3" → "3e kwartaal 2026". */
function useQuarterName() {
  const { t } = useTranslation('staff')
  return (quarter: string) => {
    const [year, q] = quarter.split('-Q')
    return t('dashboard.quarterName', { year, q })
  }
}

function Dashboard() {
  const { t } = useTranslation('staff')
  const [params, setParams] = useSearchParams()
  const requested = params.get('kwartaal')
  const quarter = requested && QUARTER.test(requested) ? requested : undefined
  const figures = useQuery(dashboardQuery(quarter))
  const departments = useQuery(departmentsQuery)
  const quarters = recentQuarters(useServerNow(), 8)
  const quarterName = useQuarterName()
  const shown = figures.data?.quarter ?? quarter ?? quarters[0] ?? ''

  const departmentName = (id: number | null) => {
    if (id === null) return t('common.noDepartment')
    const d = departments.data?.items.find((x) => x.id === id)
    return d ? localName(d) : `#${id}`
  }

  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = new FormData(event.currentTarget).get('kwartaal')
    setParams(typeof value === 'string' && value ? { kwartaal: value } : {})
  }

  const options = quarters.includes(shown) || !shown ? quarters : [shown, ...quarters]
  return (
    <>
      <form className="filters filters--inline" aria-label={t('dashboard.pickerLabel')} onSubmit={choose} key={shown}>
        <div className="field">
          <label htmlFor="dashboard-quarter">{t('dashboard.quarter')}</label>
          <select id="dashboard-quarter" name="kwartaal" defaultValue={shown}>
            {options.map((q) => (
              <option key={q} value={q}>
                {quarterName(q)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('dashboard.show')}
        </button>
      </form>
      {figures.isPending && <Loading />}
      {figures.isError && <ErrorMessage error={figures.error} onRetry={() => void figures.refetch()} />}
      {figures.isSuccess && (
        <>
          <ScrollTable captionId="figures-caption">
            <table className="table table--figures">
              <caption id="figures-caption">
                {t('dashboard.caption', { quarter: quarterName(figures.data.quarter) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.department')}</th>
                  <th scope="col">{t('dashboard.received')}</th>
                  <th scope="col">{t('dashboard.withinNorm')}</th>
                  <th scope="col">{t('dashboard.median')}</th>
                  <th scope="col">{t('dashboard.implemented')}</th>
                  <th scope="col">{t('dashboard.satisfaction')}</th>
                  <th scope="col">{t('dashboard.unanswered')}</th>
                  <th scope="col">{t('dashboard.overdue')}</th>
                  <th scope="col">{t('dashboard.stale')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.data.departments.length === 0 && (
                  <tr>
                    <td colSpan={9}>{t('dashboard.empty')}</td>
                  </tr>
                )}
                {figures.data.departments.map((row) => (
                  <FiguresRow key={row.departmentId ?? 'none'} row={row} name={departmentName(row.departmentId)} />
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <p className="muted table-note">{t('dashboard.note')}</p>
          <Downloads quarter={figures.data.quarter} name={quarterName(figures.data.quarter)} />
        </>
      )}
    </>
  )
}

/** The figures on screen as a file for a council report: an Excel workbook or a CSV for Dutch Excel. */
function Downloads({ quarter, name }: { quarter: string; name: string }) {
  const { t } = useTranslation('records')
  return (
    <section className="downloads-bar" aria-labelledby="dashboard-downloads">
      <h2 id="dashboard-downloads" className="visually-hidden">
        {t('download.label')}
      </h2>
      <p>{t('dashboard.downloadNote', { quarter: name })}</p>
      <p className="downloads-bar__links">
        <a className="button button--secondary" href={dashboardExportLink(quarter, 'xlsx')} download>
          {t('download.xlsx')}
        </a>
        <a className="button button--secondary" href={dashboardExportLink(quarter, 'excel-nl')} download>
          {t('download.excelCsv')}
        </a>
      </p>
    </section>
  )
}

function FiguresRow({ row, name }: { row: DepartmentFigures; name: string }) {
  const { t } = useTranslation('staff')
  const locale = currentLocale() === 'nl' ? 'nl-NL' : 'en-GB'
  const fmt = (value: number, digits = 0) =>
    value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })
  const none = (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('dashboard.none')}</span>
    </>
  )
  const pct = (value: number | null) => (value === null ? none : `${fmt(value)}%`)
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{fmt(row.received)}</td>
      <td>{pct(row.withinNormPct)}</td>
      <td>
        {row.medianAnswerDays === null
          ? none
          : t('dashboard.days', { count: row.medianAnswerDays, days: fmt(row.medianAnswerDays, 1) })}
      </td>
      <td>{pct(row.implementedPct)}</td>
      <td>
        {pct(row.satisfactionPct)}
        {row.ratings > 0 && (
          <span className="muted figure__note"> {t('dashboard.ratings', { count: row.ratings })}</span>
        )}
      </td>
      <td>{fmt(row.unanswered)}</td>
      <td className={row.overdue > 0 ? 'figure--alert' : undefined}>{fmt(row.overdue)}</td>
      <td className={row.stale > 0 ? 'figure--warn' : undefined}>{fmt(row.stale)}</td>
    </tr>
  )
}
