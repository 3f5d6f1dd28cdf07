import type { Policy } from '@meedenken/shared'
import { OPEN_DATA_IDEA_COLUMNS, OPEN_DATA_SCORECARD_COLUMNS } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { openDataLinks } from '../features/engage/api/engage-queries'
import '../lib/i18n-engage'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../styles/engage.css'

type Operation = {
  summary?: string
  tags?: string[]
  'x-policy'?: Policy
  parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string; enum?: string[] } }[]
  requestBody?: unknown
  responses?: Record<string, { description?: string }>
}
type OpenApiDocument = {
  info: { title: string; description?: string }
  paths: Record<string, Record<string, Operation>>
}

const SPEC_URL = '/api/openapi.json'

/**
 * A readable page over the OpenAPI document, so the municipality's developers and
 * open-data users need no external viewer (and this site loads nothing from elsewhere).
 */
export function DevelopersPage() {
  const { t } = useTranslation(['common', 'engage'])
  const spec = useQuery({
    queryKey: ['openapi'],
    queryFn: async (): Promise<OpenApiDocument> => {
      const res = await fetch(SPEC_URL)
      if (!res.ok) throw new Error(`openapi.json answered ${res.status}`)
      return (await res.json()) as OpenApiDocument
    },
    staleTime: Number.POSITIVE_INFINITY,
  })

  const groups = new Map<string, { method: string; path: string; op: Operation }[]>()
  for (const [path, methods] of Object.entries(spec.data?.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'API'
      groups.set(tag, [...(groups.get(tag) ?? []), { method: method.toUpperCase(), path, op }])
    }
  }

  return (
    <>
      <PageHeading title={t('developers.title')}>{t('developers.title')}</PageHeading>
      <OpenData />
      <h2 className="section">{t('engage:openData.apiTitle')}</h2>
      <p className="lead">{t('developers.intro')}</p>
      <p>
        {t('developers.spec')}{' '}
        <a href={SPEC_URL} download="meedenken-openapi.json">
          {t('developers.specLink')}
        </a>
      </p>
      <p>{t('developers.errorsNote')}</p>
      {spec.isPending && <Loading />}
      {spec.isError && <ErrorMessage error={spec.error} onRetry={() => void spec.refetch()} />}
      {[...groups.entries()].map(([tag, operations]) => (
        // Under the "API" heading: one level down (and an id without spaces).
        <section key={tag} className="section" aria-labelledby={`api-${tagId(tag)}`}>
          <h3 id={`api-${tagId(tag)}`}>{tag}</h3>
          <ul className="api-list">
            {operations.map(({ method, path, op }) => (
              <li key={`${method} ${path}`} className="api-operation">
                <p className="api-operation__title">
                  <code className={`method method--${method.toLowerCase()}`}>{method}</code> <code>{path}</code>
                </p>
                {op.summary && <p>{op.summary}</p>}
                <p className="api-operation__policy">
                  {t('developers.whoMayCall')}: {t(`developers.policy.${op['x-policy'] ?? 'public'}`)}
                </p>
                {op.parameters && op.parameters.length > 0 && (
                  <p>
                    {t('developers.parameters')}:{' '}
                    {op.parameters.map((p) => (
                      <code key={`${p.in}-${p.name}`} className="api-param">
                        {p.name}
                        {p.schema?.enum ? ` (${p.schema.enum.join(' | ')})` : ''}
                      </code>
                    ))}
                  </p>
                )}
                {op.responses && (
                  <p>
                    {t('developers.responses')}:{' '}
                    {Object.keys(op.responses).map((status) => (
                      <code key={status} className="api-param">
                        {status}
                      </code>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}

function tagId(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')
}

/** The downloads first: most visitors of this page want the data, not the API reference. */
function OpenData() {
  const { t } = useTranslation('engage')
  const links = openDataLinks({})
  return (
    <section aria-labelledby="open-data-title" className="open-data">
      <h2 id="open-data-title">{t('openData.title')}</h2>
      <p className="lead">{t('openData.intro')}</p>
      <div className="alert alert--info">
        <p>{t('openData.privacy')}</p>
      </div>
      <h3>{t('openData.ideasTitle')}</h3>
      <p>{t('openData.ideasIntro')}</p>
      <ul className="downloads">
        <li>
          <a href={links.ideasCsv} download>
            {t('openData.ideasCsv')}
          </a>{' '}
          <code>{links.ideasCsv}</code>
        </li>
        <li>
          <a href={links.ideasJson} download>
            {t('openData.ideasJson')}
          </a>{' '}
          <code>{links.ideasJson}</code>
        </li>
      </ul>
      <ColumnTable file="ideas.csv, ideas.json" columns={OPEN_DATA_IDEA_COLUMNS} prefix="ideas" />
      <h3>{t('openData.scorecardTitle')}</h3>
      <p>{t('openData.scorecardIntro')}</p>
      <ul className="downloads">
        <li>
          <a href={links.scorecardCsv} download>
            {t('openData.scorecardCsv')}
          </a>{' '}
          <code>{links.scorecardCsv}</code>
        </li>
        <li>
          <a href={links.scorecardJson}>{t('openData.scorecardJson')}</a> <code>{links.scorecardJson}</code>
        </li>
      </ul>
      <p>
        <Link to="/resultaten">{t('scorecard.title')}</Link>
      </p>
      <ColumnTable file="scorecard.csv" columns={OPEN_DATA_SCORECARD_COLUMNS} prefix="scorecardColumns" />
    </section>
  )
}

type ColumnProps =
  | { file: string; prefix: 'ideas'; columns: typeof OPEN_DATA_IDEA_COLUMNS }
  | { file: string; prefix: 'scorecardColumns'; columns: typeof OPEN_DATA_SCORECARD_COLUMNS }

function ColumnTable(props: ColumnProps) {
  const { t } = useTranslation('engage')
  const rows =
    props.prefix === 'ideas'
      ? props.columns.map((c) => [c, t(`openData.ideas.${c}`)] as const)
      : props.columns.map((c) => [c, t(`openData.scorecardColumns.${c}`)] as const)
  return (
    <details className="columns">
      <summary>{t('openData.columnsCaption', { file: props.file })}</summary>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('openData.columnsCaption', { file: props.file })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('openData.column')}</th>
              <th scope="col">{t('openData.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([column, meaning]) => (
              <tr key={column}>
                <th scope="row">
                  <code>{column}</code>
                </th>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
