import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../lib/api-client'
import { Alert } from './alert'
import { Button } from './button'

/** A failed load, said plainly, with a way to try again. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const network = error instanceof ApiRequestError && error.status === 0
  return (
    <Alert type="error" role="alert">
      <p>{network ? t('error.network') : t('error.body')}</p>
      {onRetry && (
        <div>
          <Button appearance="secondary" onClick={onRetry}>
            {t('retry')}
          </Button>
        </div>
      )}
    </Alert>
  )
}
