import { addNamespace } from './i18n'

/**
 * Strings of signing up, logging in, the profile and the "not allowed" notice. Added when
 * a page that shows them loads, so the public pages do not carry them. Importing this
 * module is enough; twice is harmless. (Typed with the main catalogue, lib/i18n.ts.)
 */
await addNamespace('accounts', {
  nl: () => import('../locales/nl/accounts.json'),
  en: () => import('../locales/en/accounts.json'),
})
