import type en from '../locales/en/engage.json'
import type nl from '../locales/nl/engage.json'
import { addNamespace } from './i18n'

/**
 * Strings of the roadmap, the scorecard, "Jij zei, wij deden", campaigns, notifications and
 * satisfaction questions. Added when such a page loads, so the idea list stays small.
 */
export declare const engageResources: { nl: { engage: typeof nl }; en: { engage: typeof en } }

await addNamespace('engage', {
  nl: () => import('../locales/nl/engage.json'),
  en: () => import('../locales/en/engage.json'),
})
