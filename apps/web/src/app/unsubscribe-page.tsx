import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { accountKeys } from '../features/accounts/api/account-queries'
import { api, call } from '../lib/api-client'
import { errorText } from '../lib/errors'
import '../lib/i18n-engage'
import '../lib/i18n-notify'
import { Alert } from '../ui/alert'
import { Button } from '../ui/button'
import { PageHeading } from '../ui/page-heading'

/**
 * The page behind the link in every notification mail. Nothing happens on opening it
 * (mail scanners open links too); one press on the button stops all mail.
 */
export function UnsubscribePage() {
  const { t } = useTranslation(['engage', 'notify'])
  const [searchParams] = useSearchParams()
  const u = searchParams.get('u') ?? ''
  const token = searchParams.get('t') ?? ''
  const complete = /^\d{1,15}$/.test(u) && token.length >= 10 && token.length <= 200
  const qc = useQueryClient()
  const unsubscribe = useMutation({
    mutationFn: () => call(api.api.unsubscribe.$post({ query: { u, t: token } })),
    // A signed-in person's profile must show the new choice.
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }),
  })
  const result = useRef<HTMLDivElement>(null)

  // The button is gone once it worked: focus goes to the result instead of being lost.
  useEffect(() => {
    if (unsubscribe.isSuccess) result.current?.focus()
  }, [unsubscribe.isSuccess])

  return (
    <div className="narrow">
      <PageHeading title={t('unsubscribe.title')}>{t('unsubscribe.title')}</PageHeading>
      {!complete ? (
        <Alert type="error">
          <p>{t('unsubscribe.incomplete')}</p>
        </Alert>
      ) : unsubscribe.isSuccess ? (
        <Alert type="ok" role="status" ref={result} tabIndex={-1}>
          <p>{unsubscribe.data.message}</p>
        </Alert>
      ) : (
        <>
          <p>{t('notify:unsubscribeIntro')}</p>
          {unsubscribe.isError && (
            <Alert type="error" role="alert">
              <p>{errorText(unsubscribe.error)}</p>
            </Alert>
          )}
          <Button
            onClick={() => {
              if (!unsubscribe.isPending) unsubscribe.mutate()
            }}
            aria-disabled={unsubscribe.isPending || undefined}
          >
            {unsubscribe.isPending ? t('unsubscribe.busy') : t('unsubscribe.button')}
          </Button>
        </>
      )}
      <p className="section">
        {t('unsubscribe.again')} <Link to="/profiel">{t('unsubscribe.profileLink')}</Link>
      </p>
    </div>
  )
}
