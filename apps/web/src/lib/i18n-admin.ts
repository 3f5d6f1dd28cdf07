import { addNamespace } from './i18n'

/**
 * Strings of user administration (roles). Added when a page that shows them loads.
 * Importing this module is enough; twice is harmless. (Typed with the main catalogue,
 * lib/i18n.ts.)
 */
await addNamespace('admin', {
  nl: () => import('../locales/nl/admin.json'),
  en: () => import('../locales/en/admin.json'),
})
