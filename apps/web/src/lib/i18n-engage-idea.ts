import type en from '../locales/en/engage-idea.json'
import type nl from '../locales/nl/engage-idea.json'
import { addNamespace } from './i18n'

/**
 * The part of the `engage` strings the idea page shows (waiting time, progress, helping,
 * supporters, satisfaction, follow-up): the idea page's components import this module,
 * not i18n-engage.ts, so the page does not carry the roadmap's, the scorecard's or the
 * campaigns' strings. i18n-engage.ts adds this part too. Importing either is enough;
 * both, or twice, is harmless.
 */
export declare const engageIdeaResources: { nl: { engage: typeof nl }; en: { engage: typeof en } }

await addNamespace(
  'engage',
  { nl: () => import('../locales/nl/engage-idea.json'), en: () => import('../locales/en/engage-idea.json') },
  'idea',
)
