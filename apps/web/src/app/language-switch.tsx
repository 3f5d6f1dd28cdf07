import { useTranslation } from 'react-i18next'
import { currentLocale, setLocale } from '../lib/i18n'

/** Named in the language it switches to, so speakers of that language can find it. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const next = currentLocale() === 'nl' ? 'en' : 'nl'
  return (
    <button type="button" className="language-switch" lang={next} onClick={() => setLocale(next)}>
      <span aria-hidden="true">{t('language.switchTo')}</span>
      <span className="visually-hidden">{t('language.switchLabel')}</span>
    </button>
  )
}
