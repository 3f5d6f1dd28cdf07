import { isAuditAction } from '@meedenken/shared/constants'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import '../../../lib/i18n-records'
import '../../../lib/i18n-staff'
import { LoadMore } from '../../../ui/load-more'
import { QueryState } from '../../../ui/query-state'
import { Table } from '../../../ui/table'
import { type AuditExportFilters, auditLogQuery } from '../../engage/api/records-api'
import { AuditDownloads } from './audit-downloads'
import { AuditFilters } from './audit-filters'
import { AuditRow } from './audit-row'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Who did what and when, newest first, filtered by what is in the address. */
export function AuditLog() {
  const { t } = useTranslation('staff')
  const [params, setParams] = useSearchParams()
  // Only actions the API knows filter the log; anything else in the address shows everything.
  const asked = params.get('actie') ?? ''
  const action = isAuditAction(asked) ? asked : undefined
  const actor = /^\d+$/.test(params.get('door') ?? '') ? (params.get('door') ?? '') : ''
  const from = DAY.test(params.get('van') ?? '') ? (params.get('van') ?? '') : ''
  const to = DAY.test(params.get('tot') ?? '') ? (params.get('tot') ?? '') : ''
  // A period that runs backwards is said at the field, and not asked of the API.
  const backwards = from !== '' && to !== '' && to < from
  const filters: AuditExportFilters = {
    ...(action ? { action } : {}),
    ...(actor ? { actor } : {}),
    ...(from && !backwards ? { from } : {}),
    ...(to && !backwards ? { to } : {}),
  }
  const log = useInfiniteQuery({ ...auditLogQuery(filters), enabled: !backwards })
  const count = log.data?.pages.reduce((n, page) => n + page.items.length, 0) ?? 0

  async function loadMore() {
    if (log.isFetchingNextPage) return
    const result = await log.fetchNextPage()
    const first = result.data?.pages.flatMap((p) => p.items)[count]
    if (first) document.getElementById(`audit-${first.id}`)?.focus()
  }

  return (
    <>
      <AuditFilters values={{ action: action ?? '', actor, from, to }} backwards={backwards} onFilter={setParams} />
      {!backwards && <AuditDownloads filters={filters} />}
      <QueryState query={log} empty={<p>{t('audit.none')}</p>}>
        {(data) => (
          <Table
            scrolls
            captionId="audit-caption"
            caption={t('audit.caption')}
            captionClassName="visually-hidden"
            className="table--audit"
          >
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {data.pages
                .flatMap((page) => page.items)
                .map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
            </tbody>
          </Table>
        )}
      </QueryState>
      {log.hasNextPage && (
        <LoadMore loading={log.isFetchingNextPage} onLoad={() => void loadMore()}>
          {log.isFetchingNextPage ? t('audit.loadingMore') : t('audit.more')}
        </LoadMore>
      )}
    </>
  )
}
