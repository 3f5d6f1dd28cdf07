import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import '../../../lib/i18n-staff'
import { useServerNow } from '../../../lib/use-server-now'
import { QueryState } from '../../../ui/query-state'
import { recentQuarters } from '../amsterdam-dates'
import { dashboardQuery } from '../api/staff-queries'
import { useQuarterName } from '../use-quarter-name'
import { DashboardDownloads } from './dashboard-downloads'
import { DepartmentFiguresTable } from './department-figures-table'
import { QuarterPicker } from './quarter-picker'

const QUARTER = /^\d{4}-Q[1-4]$/

/** A quarter's figures per department (the quarter in the address), and the same as a file. */
export function StaffDashboard() {
  const { t } = useTranslation('staff')
  const [params, setParams] = useSearchParams()
  const requested = params.get('kwartaal')
  const quarter = requested && QUARTER.test(requested) ? requested : undefined
  const figures = useQuery(dashboardQuery(quarter))
  const quarters = recentQuarters(useServerNow(), 8)
  const quarterName = useQuarterName()
  const shown = figures.data?.quarter ?? quarter ?? quarters[0] ?? ''

  return (
    <>
      <QuarterPicker
        shown={shown}
        quarters={quarters}
        onChoose={(value) => setParams(value ? { kwartaal: value } : {})}
      />
      <QueryState query={figures}>
        {(data) => (
          <>
            <DepartmentFiguresTable figures={data} />
            <p className="muted table-note">{t('dashboard.note')}</p>
            <DashboardDownloads quarter={data.quarter} name={quarterName(data.quarter)} />
          </>
        )}
      </QueryState>
    </>
  )
}
