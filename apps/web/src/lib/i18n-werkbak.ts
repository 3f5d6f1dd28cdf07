import type en from '../locales/en/werkbak.json'
import type nl from '../locales/nl/werkbak.json'
import { addNamespace } from './i18n'

/**
 * Strings of the Werkbak's search, filters and bulk actions, answer templates and
 * corrections. Added when a staff page loads, so residents never download them.
 */
export declare const werkbakResources: { nl: { werkbak: typeof nl }; en: { werkbak: typeof en } }

await addNamespace('werkbak', {
  nl: () => import('../locales/nl/werkbak.json'),
  en: () => import('../locales/en/werkbak.json'),
})
