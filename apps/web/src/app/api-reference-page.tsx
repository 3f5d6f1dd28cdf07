import type { Policy } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../lib/i18n-records'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../styles/engage.css'
import { Paragraph } from '../ui/paragraph'

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
 * Its own page: the open-data page explains the files to residents and links here.
 */
export function ApiReferencePage() {
  const { t } = useTranslation(['common', 'records'])
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
      <PageHeading title={t('records:apiReference.title')}>{t('records:apiReference.title')}</PageHeading>
      <Paragraph lead>{t('developers.intro')}</Paragraph>
      <p>
        <Link to="/open-data">{t('records:apiReference.back')}</Link>
      </p>
      <p>
        {t('developers.spec')}{' '}
        <a href={SPEC_URL} download="meedenken-openapi.json">
          {t('developers.specLink')}
        </a>
      </p>
      <p>{t('developers.errorsNote')}</p>
      <p>{t('records:apiReference.inEnglish')}</p>
      {spec.isPending && <Loading />}
      {spec.isError && <ErrorMessage error={spec.error} onRetry={() => void spec.refetch()} />}
      {[...groups.entries()].map(([tag, operations]) => (
        // One section per group of routes (an id without spaces).
        <section key={tag} className="section" aria-labelledby={`api-${tagId(tag)}`}>
          {/* The OpenAPI document is written in English (WCAG 3.1.2: its parts say so). */}
          <h2 id={`api-${tagId(tag)}`} lang="en">
            {tag}
          </h2>
          <ul className="api-list">
            {operations.map(({ method, path, op }) => (
              <li key={`${method} ${path}`} className="api-operation">
                <p className="api-operation__title">
                  <code className={`method method--${method.toLowerCase()}`}>{method}</code> <code>{path}</code>
                </p>
                {op.summary && <p lang="en">{op.summary}</p>}
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
