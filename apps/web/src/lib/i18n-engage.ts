import type en from '../locales/en/engage.json'
import type nl from '../locales/nl/engage.json'
import { addNamespace } from './i18n'
import type { engageIdeaResources } from './i18n-engage-idea'

/**
 * Strings of the roadmap, the scorecard, "Jij zei, wij deden", campaigns and notifications.
 * Added when such a page loads, so the idea list stays small. The idea page's part of the
 * namespace (`engage-idea.json`) comes with the components that show it
 * (lib/i18n-engage-idea.ts); the type covers both.
 */
export declare const engageResources: {
  nl: { engage: typeof nl & (typeof engageIdeaResources)['nl']['engage'] }
  en: { engage: typeof en & (typeof engageIdeaResources)['en']['engage'] }
}

await addNamespace('engage', {
  nl: () => import('../locales/nl/engage.json'),
  en: () => import('../locales/en/engage.json'),
})
