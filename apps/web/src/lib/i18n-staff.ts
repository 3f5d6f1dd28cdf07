import type en from '../locales/en/staff.json'
import type nl from '../locales/nl/staff.json'
import { addNamespace } from './i18n'

/**
 * Strings of the staff workspace and administration. Added when a staff page loads, so
 * residents never download them. Importing this module is enough; twice is harmless.
 */
export declare const staffResources: { nl: { staff: typeof nl }; en: { staff: typeof en } }

await addNamespace('staff', {
  nl: () => import('../locales/nl/staff.json'),
  en: () => import('../locales/en/staff.json'),
})
