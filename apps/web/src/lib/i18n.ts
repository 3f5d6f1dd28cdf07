import type { Locale } from '@meedenken/shared'
import { LOCALES } from '@meedenken/shared/constants'
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import enAccounts from '../locales/en/accounts.json'
import enAdmin from '../locales/en/admin.json'
import enCommon from '../locales/en/common.json'
import enIdeas from '../locales/en/ideas.json'
import nlAccounts from '../locales/nl/accounts.json'
import nlAdmin from '../locales/nl/admin.json'
import nlCommon from '../locales/nl/common.json'
import nlIdeas from '../locales/nl/ideas.json'

export const resources = {
  nl: { common: nlCommon, ideas: nlIdeas, accounts: nlAccounts, admin: nlAdmin },
  en: { common: enCommon, ideas: enIdeas, accounts: enAccounts, admin: enAdmin },
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
  ns: Object.keys(resources.nl),
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
