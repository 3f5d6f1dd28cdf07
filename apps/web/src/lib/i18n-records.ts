import en from '../locales/en/records.json'
import nl from '../locales/nl/records.json'
import { i18n } from './i18n'

/**
 * Strings of the open-data page, the downloads for the council, the member search, the
 * themes and villages page and the audit log's filters (issue 18). Added when such a page
 * loads. Importing this module is enough; twice is harmless.
 */
export const recordsResources = { nl: { records: nl }, en: { records: en } } as const

i18n.addResourceBundle('nl', 'records', nl)
i18n.addResourceBundle('en', 'records', en)
