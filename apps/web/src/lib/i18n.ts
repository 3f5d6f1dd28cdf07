import type { Locale } from '@meedenken/shared'
import { LOCALES } from '@meedenken/shared/constants'
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import enCommon from '../locales/en/common.json'
import enIdeas from '../locales/en/ideas.json'
import nlCommon from '../locales/nl/common.json'
import nlIdeas from '../locales/nl/ideas.json'

export const resources = {
  nl: { common: nlCommon, ideas: nlIdeas },
  en: { common: enCommon, ideas: enIdeas },
} as const

const STORAGE_KEY = 'meedenken.locale'

function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'nl'
  } catch {
    return 'nl'
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLocale(),
  fallbackLng: 'nl',
  defaultNS: 'common',
  ns: ['common', 'ideas'],
  interpolation: { escapeValue: false },
  returnNull: false,
})

document.documentElement.lang = i18n.language

/** Switches the interface language, remembers it, and tells assistive technology. */
export function setLocale(locale: Locale): void {
  void i18n.changeLanguage(locale)
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // private mode: the choice lasts for this visit only
  }
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'nl'
}

export { i18n }
