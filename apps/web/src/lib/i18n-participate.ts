import type en from '../locales/en/participate.json'
import type nl from '../locales/nl/participate.json'
import { addNamespace } from './i18n'
import type { participateFormResources } from './i18n-participate-form'

/**
 * Strings for voting, following, commenting and reporting. They are added when the first
 * page that needs them loads, not bundled with the rest, so the idea list's JavaScript
 * stays within its budget (≤ 150 kB gzip, see BENCHMARKS.md). Importing this module is
 * enough; doing so twice is harmless. The form's part of the namespace
 * (`participate-form.json`) comes with the form (lib/i18n-participate-form.ts); the type
 * covers both.
 */
export declare const participateResources: {
  nl: { participate: typeof nl & (typeof participateFormResources)['nl']['participate'] }
  en: { participate: typeof en & (typeof participateFormResources)['en']['participate'] }
}

await addNamespace('participate', {
  nl: () => import('../locales/nl/participate.json'),
  en: () => import('../locales/en/participate.json'),
})
