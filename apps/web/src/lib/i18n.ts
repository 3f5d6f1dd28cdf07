import type { Locale } from '@meedenken/shared'
import { LOCALES } from '@meedenken/shared/constants'
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import type enAccounts from '../locales/en/accounts.json'
import type enAdmin from '../locales/en/admin.json'
import enCommon from '../locales/en/common.json'
import enIdeas from '../locales/en/ideas.json'
import type nlAccounts from '../locales/nl/accounts.json'
import type nlAdmin from '../locales/nl/admin.json'
import nlCommon from '../locales/nl/common.json'
import nlIdeas from '../locales/nl/ideas.json'
import { SSR_STATE_ID } from '../ssr/state'

/** What the idea list shows: in the first JavaScript, so the list page needs nothing more. */
const listResources = {
  nl: { common: nlCommon, ideas: nlIdeas },
  en: { common: enCommon, ideas: enIdeas },
} as const

/**
 * The whole main catalogue, as a type for checked keys (lib/i18n-types.d.ts reads it).
 * Only the list's namespaces are bundled here; accounts and admin arrive with
 * `loadOtherNamespaces()`, which every other page's route awaits.
 */
export declare const resources: {
  nl: (typeof listResources)['nl'] & { accounts: typeof nlAccounts; admin: typeof nlAdmin }
  en: (typeof listResources)['en'] & { accounts: typeof enAccounts; admin: typeof enAdmin }
}

const STORAGE_KEY = 'meedenken.locale'

const isLocale = (value: string | null | undefined): value is Locale =>
  (LOCALES as readonly string[]).includes(value ?? '')

/**
 * A visitor's choice lives in local storage, not in a cookie: the web app sets one cookie,
 * the session. A signed-in person's choice is also saved in their profile, which the
 * server reads to render their pages in that language.
 */
function storedLocale(): Locale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return isLocale(stored) ? stored : null
  } catch {
    return null
  }
}

function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // private mode: the choice lasts for this visit only
  }
}

/**
 * The language of the first render. A server-rendered page says which language it is in
 * (`<html lang>`), and the browser must render the same or hydration fails; a different
 * stored choice is applied right after (applyStoredLocale). Otherwise the stored choice,
 * then Dutch.
 */
function initialLocale(): Locale {
  if (typeof document === 'undefined') return 'nl'
  if (document.getElementById(SSR_STATE_ID)) {
    const lang = document.documentElement.lang
    if (isLocale(lang)) return lang
  }
  return storedLocale() ?? 'nl'
}

void i18n.use(initReactI18next).init({
  resources: listResources,
  lng: initialLocale(),
  fallbackLng: 'nl',
  defaultNS: 'common',
  ns: Object.keys(listResources.nl),
  interpolation: { escapeValue: false },
  returnNull: false,
})

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language

let otherNamespaces: Promise<void> | undefined

/** Adds the namespaces the idea list does not need. Each page but the list awaits this. */
export function loadOtherNamespaces(): Promise<void> {
  otherNamespaces ??= Promise.all([
    import('../locales/nl/accounts.json'),
    import('../locales/en/accounts.json'),
    import('../locales/nl/admin.json'),
    import('../locales/en/admin.json'),
  ]).then(
    ([nlAccountsModule, enAccountsModule, nlAdminModule, enAdminModule]) => {
      i18n.addResourceBundle('nl', 'accounts', nlAccountsModule.default)
      i18n.addResourceBundle('en', 'accounts', enAccountsModule.default)
      i18n.addResourceBundle('nl', 'admin', nlAdminModule.default)
      i18n.addResourceBundle('en', 'admin', enAdminModule.default)
    },
    (error: unknown) => {
      // A failed download (a deploy, a lost connection) may work on the next navigation.
      otherNamespaces = undefined
      throw error
    },
  )
  return otherNamespaces
}

/** Switches the interface language, remembers it, and tells assistive technology. */
export function setLocale(locale: Locale): void {
  void i18n.changeLanguage(locale)
  document.documentElement.lang = locale
  rememberLocale(locale)
}

/**
 * After hydration: a visitor who chose another language than the server rendered in gets
 * theirs now that the page is interactive.
 */
export function applyStoredLocale(): void {
  const stored = storedLocale()
  if (stored && stored !== currentLocale()) setLocale(stored)
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'nl'
}

export { i18n }
