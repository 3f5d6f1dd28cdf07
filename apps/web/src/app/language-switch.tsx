import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { accountKeys, meQuery } from '../features/accounts/api/account-queries'
import { api, call } from '../lib/api-client'
import { currentLocale, setLocale } from '../lib/i18n'

/**
 * Named in the language it switches to, so speakers of that language can find it.
 * For a signed-in person the choice is saved, so mail comes in that language too.
 */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const me = useQuery(meQuery)
  const qc = useQueryClient()
  const next = currentLocale() === 'nl' ? 'en' : 'nl'

  function switchLanguage() {
    setLocale(next)
    if (me.data) {
      void call(api.api.me.$patch({ json: { locale: next } }))
        .then(({ user }) => qc.setQueryData(accountKeys.me(), user))
        .catch(() => {
          // The interface has switched; saving the preference can wait for the next try.
        })
    }
  }

  return (
    <button type="button" className="language-switch" lang={next} onClick={switchLanguage}>
      <span aria-hidden="true">{t('language.switchTo')}</span>
      <span className="visually-hidden">{t('language.switchLabel')}</span>
    </button>
  )
}
