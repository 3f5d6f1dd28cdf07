import { ApiRequestError } from './api-client'
import { i18n } from './i18n'

/** The sentence to show for a failed request: the API's own (already in the right language) or ours. */
export function errorText(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 0) return i18n.t('error.network')
    if (error.message) return error.message
  }
  return i18n.t('error.body')
}

export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiRequestError ? error.fields : {}
}

/** Only paths inside this site are followed after logging in: no open redirect. */
export function safeReturnPath(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/'
}
