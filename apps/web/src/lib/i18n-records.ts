import type en from '../locales/en/records.json'
import type nl from '../locales/nl/records.json'
import { addNamespace } from './i18n'

/**
 * Strings of the open-data page, the downloads for the council, the member search, the
 * themes and villages page and the audit log's filters (issue 18). Added when such a page
 * loads. Importing this module is enough; twice is harmless.
 */
export declare const recordsResources: { nl: { records: typeof nl }; en: { records: typeof en } }

await addNamespace('records', {
  nl: () => import('../locales/nl/records.json'),
  en: () => import('../locales/en/records.json'),
})
