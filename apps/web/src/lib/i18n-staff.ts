import en from '../locales/en/staff.json'
import nl from '../locales/nl/staff.json'
import { i18n } from './i18n'

/**
 * Strings of the staff workspace and administration. Added when a staff page loads, so
 * residents never download them. Importing this module is enough; twice is harmless.
 */
export const staffResources = { nl: { staff: nl }, en: { staff: en } } as const

i18n.addResourceBundle('nl', 'staff', nl)
i18n.addResourceBundle('en', 'staff', en)
