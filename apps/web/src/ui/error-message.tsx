import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../lib/api-client'

/** A failed load, said plainly, with a way to try again. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const network = error instanceof ApiRequestError && error.status === 0
  return (
    <div className="alert alert--error" role="alert">
      <p>{network ? t('error.network') : t('error.body')}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  )
}
