import type en from '../locales/en/accessibility.json'
import type nl from '../locales/nl/accessibility.json'
import { addNamespace } from './i18n'

/**
 * Strings of the accessibility statement (/toegankelijkheid). Added when that page loads,
 * so no other page carries them. Importing this module is enough; twice is harmless.
 */
export declare const accessibilityResources: { nl: { accessibility: typeof nl }; en: { accessibility: typeof en } }

await addNamespace('accessibility', {
  nl: () => import('../locales/nl/accessibility.json'),
  en: () => import('../locales/en/accessibility.json'),
})
