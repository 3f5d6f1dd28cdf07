import en from '../locales/en/participate.json'
import nl from '../locales/nl/participate.json'
import { i18n } from './i18n'

/**
 * Strings for proposing, voting, following and commenting. They are added when the first
 * page that needs them loads, not bundled with the rest, so the idea list's JavaScript
 * stays within its budget (≤ 150 kB gzip, see BENCHMARKS.md). Importing this module is
 * enough; doing so twice is harmless.
 */
export const participateResources = { nl: { participate: nl }, en: { participate: en } } as const

i18n.addResourceBundle('nl', 'participate', nl)
i18n.addResourceBundle('en', 'participate', en)
