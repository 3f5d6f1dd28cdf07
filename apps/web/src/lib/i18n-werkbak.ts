import en from '../locales/en/werkbak.json'
import nl from '../locales/nl/werkbak.json'
import { i18n } from './i18n'

/**
 * Strings of the Werkbak's search, filters and bulk actions, answer templates and
 * corrections. Added when a staff page loads, so residents never download them.
 */
export const werkbakResources = { nl: { werkbak: nl }, en: { werkbak: en } } as const

i18n.addResourceBundle('nl', 'werkbak', nl)
i18n.addResourceBundle('en', 'werkbak', en)
