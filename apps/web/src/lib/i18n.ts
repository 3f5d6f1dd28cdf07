import type { Locale } from '@meedenken/shared'
import { LOCALES } from '@meedenken/shared/constants'
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import type enAccounts from '../locales/en/accounts.json'
import type enAdmin from '../locales/en/admin.json'
import type enCommon from '../locales/en/common.json'
import type enIdeas from '../locales/en/ideas.json'
import type nlAccounts from '../locales/nl/accounts.json'
import type nlAdmin from '../locales/nl/admin.json'
import nlCommon from '../locales/nl/common.json'
import nlIdeas from '../locales/nl/ideas.json'
import { SSR_STATE_ID } from '../ssr/state'

/**
 * What the idea list shows, in Dutch: in the first JavaScript, so the list page needs
 * nothing more. The English strings arrive before the first render that needs them
 * (`loadLanguageStrings`, awaited by start.tsx; a page's own namespaces by its modules).
 */
const listResources = { nl: { common: nlCommon, ideas: nlIdeas } } as const

/**
 * The whole main catalogue, as a type for checked keys (lib/i18n-types.d.ts reads it).
 * Only the list's namespaces are bundled here; accounts and admin arrive with the pages
 * that show them (lib/i18n-accounts.ts, lib/i18n-admin.ts).
 */
export declare const resources: {
  nl: (typeof listResources)['nl'] & { accounts: typeof nlAccounts; admin: typeof nlAdmin }
  en: { common: typeof enCommon; ideas: typeof enIdeas; accounts: typeof enAccounts; admin: typeof enAdmin }
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

/** Loads one namespace's catalogue in one language: each is a chunk of its own. */
export type CatalogueLoaders = Record<Locale, () => Promise<{ default: Record<string, unknown> }>>

/**
 * The catalogues added so far, by namespace, or by namespace and part for a page that
 * needs some sections of one (`engage#idea`, lib/i18n-engage-idea.ts): `ns` is where
 * their strings go.
 */
const catalogues = new Map<string, { ns: string; loaders: CatalogueLoaders }>([
  [
    'common',
    {
      ns: 'common',
      loaders: { nl: async () => ({ default: nlCommon }), en: () => import('../locales/en/common.json') },
    },
  ],
  [
    'ideas',
    { ns: 'ideas', loaders: { nl: async () => ({ default: nlIdeas }), en: () => import('../locales/en/ideas.json') } },
  ],
])

/** Each catalogue in each language, loaded or on its way (the list's Dutch ones are bundled). */
const loading = new Map<string, Promise<void>>([
  ['nl:common', Promise.resolve()],
  ['nl:ideas', Promise.resolve()],
])

/**
 * The languages a page needs now. On the server every one (each request renders in its
 * own); in the browser the current language and Dutch, the fallback: a Dutch visitor
 * never downloads the English strings of a page.
 */
function neededLocales(): readonly Locale[] {
  if (typeof document === 'undefined') return LOCALES
  const locale = currentLocale()
  return locale === 'nl' ? ['nl'] : ['nl', locale]
}

function loadCatalogue(key: string, locale: Locale): Promise<void> {
  const catalogue = catalogues.get(key)
  const id = `${locale}:${key}`
  if (!catalogue) return Promise.resolve()
  let loaded = loading.get(id)
  if (!loaded) {
    loaded = catalogue.loaders[locale]().then(
      (module) => {
        // Deep: a part adds its sections to what the namespace has already.
        i18n.addResourceBundle(locale, catalogue.ns, module.default, true, true)
      },
      (error: unknown) => {
        // A failed download (a deploy, a lost connection) may work the next time.
        loading.delete(id)
        throw error
      },
    )
    loading.set(id, loaded)
  }
  return loaded
}

/**
 * Registers a namespace that arrives with the pages using it, or a `part` of one (some of
 * its sections), and loads it in the languages needed now; another language is loaded
 * when the visitor switches to it. Modules such as i18n-engage.ts await this, so a page
 * importing them has its strings.
 */
export async function addNamespace(ns: string, loaders: CatalogueLoaders, part?: string): Promise<void> {
  const key = part === undefined ? ns : `${ns}#${part}`
  if (!catalogues.has(key)) catalogues.set(key, { ns, loaders })
  await Promise.all(neededLocales().map((locale) => loadCatalogue(key, locale)))
}

/** The strings of every namespace added so far, in the languages needed now. */
export async function loadLanguageStrings(): Promise<void> {
  await Promise.all(
    [...catalogues.keys()].flatMap((key) => neededLocales().map((locale) => loadCatalogue(key, locale))),
  )
}

/** The language asked for last: a switch still loading its strings gives way to a later one. */
let wantedLocale: Locale | undefined

/**
 * Switches the interface language, remembers it, and tells assistive technology. The
 * strings of the namespaces loaded so far come first in that language; should that
 * download fail, the language switches anyway and a missing string shows in Dutch.
 */
export function setLocale(locale: Locale): void {
  rememberLocale(locale)
  wantedLocale = locale
  void Promise.all([...catalogues.keys()].map((key) => loadCatalogue(key, locale)))
    .catch(() => undefined)
    .then(async () => {
      // Switched back meanwhile: the later choice wins.
      if (wantedLocale !== locale) return
      await i18n.changeLanguage(locale)
      document.documentElement.lang = locale
    })
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
