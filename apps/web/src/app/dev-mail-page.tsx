import { useQuery } from '@tanstack/react-query'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { api, call } from '../lib/api-client'
import { formatDate } from '../lib/format'
import { Alert } from '../ui/alert'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../lib/i18n-accounts'

/** Links in the mail text become real links, so the demo's sign-up journey can be clicked through. */
function Linkified({ text }: { text: string }) {
  // Each part is keyed by where it starts in the text: stable and unique.
  let offset = 0
  const parts = text.split(/(https?:\/\/\S+)/g).map((part) => {
    const start = offset
    offset += part.length
    return { part, start }
  })
  return (
    <>
      {parts.map(({ part, start }) =>
        /^https?:\/\//.test(part) ? (
          <a key={start} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={start}>{part}</Fragment>
        ),
      )}
    </>
  )
}

export function DevMailPage() {
  const { t } = useTranslation('accounts')
  const mail = useQuery({
    queryKey: ['dev-mail'],
    queryFn: () => call(api.api.dev.mail.$get()),
    refetchInterval: 3_000,
    staleTime: 0,
  })
  return (
    <>
      <PageHeading title={t('devMail.title')}>{t('devMail.title')}</PageHeading>
      <Alert type="info">
        <p>{t('devMail.warning')}</p>
      </Alert>
      {mail.isPending && <Loading />}
      {mail.isError && <ErrorMessage error={mail.error} />}
      {mail.isSuccess && mail.data.items.length === 0 && <p>{t('devMail.empty')}</p>}
      <ol className="mail-list">
        {mail.data?.items.map((m) => (
          <li key={`${m.createdAt}-${m.to}-${m.subject}`} className="mail">
            <h2 className="mail__subject">{m.subject}</h2>
            <p className="mail__meta">
              {t('devMail.to', { to: m.to })} · {formatDate(m.createdAt)}
            </p>
            <p className="mail__text">
              <Linkified text={m.text} />
            </p>
          </li>
        ))}
      </ol>
    </>
  )
}
