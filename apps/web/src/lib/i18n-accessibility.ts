import en from '../locales/en/accessibility.json'
import nl from '../locales/nl/accessibility.json'
import { i18n } from './i18n'

/**
 * Strings of the accessibility statement (/toegankelijkheid). Added when that page loads,
 * so no other page carries them. Importing this module is enough; twice is harmless.
 */
export const accessibilityResources = { nl: { accessibility: nl }, en: { accessibility: en } } as const

i18n.addResourceBundle('nl', 'accessibility', nl)
i18n.addResourceBundle('en', 'accessibility', en)
