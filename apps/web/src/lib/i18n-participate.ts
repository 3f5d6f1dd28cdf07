import type en from '../locales/en/participate.json'
import type nl from '../locales/nl/participate.json'
import { addNamespace } from './i18n'

/**
 * Strings for proposing, voting, following and commenting. They are added when the first
 * page that needs them loads, not bundled with the rest, so the idea list's JavaScript
 * stays within its budget (≤ 150 kB gzip, see BENCHMARKS.md). Importing this module is
 * enough; doing so twice is harmless.
 */
export declare const participateResources: { nl: { participate: typeof nl }; en: { participate: typeof en } }

await addNamespace('participate', {
  nl: () => import('../locales/nl/participate.json'),
  en: () => import('../locales/en/participate.json'),
})
