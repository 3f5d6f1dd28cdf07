import type en from '../locales/en/engage.json'
import type nl from '../locales/nl/engage.json'
import { addNamespace } from './i18n'
import type { engageIdeaResources } from './i18n-engage-idea'
import './i18n-engage-idea'

/**
 * Strings of the roadmap, the scorecard, "Jij zei, wij deden", campaigns, notifications and
 * satisfaction questions. Added when such a page loads, so the idea list stays small. The
 * idea page's part (`engage-idea.json`, lib/i18n-engage-idea.ts) comes along.
 */
export declare const engageResources: {
  nl: { engage: typeof nl & (typeof engageIdeaResources)['nl']['engage'] }
  en: { engage: typeof en & (typeof engageIdeaResources)['en']['engage'] }
}

await addNamespace('engage', {
  nl: () => import('../locales/nl/engage.json'),
  en: () => import('../locales/en/engage.json'),
})
