import type en from '../locales/en/engage-idea.json'
import type nl from '../locales/nl/engage-idea.json'
import { addNamespace } from './i18n'

/**
 * The part of the `engage` strings the idea page shows (waiting time, progress, helping,
 * supporters, satisfaction, follow-up): the components that show them import this module,
 * so the idea page does not carry the roadmap's, the scorecard's or the campaigns' strings
 * (i18n-engage.ts), and those pages not these. Importing it twice is harmless.
 */
export declare const engageIdeaResources: { nl: { engage: typeof nl }; en: { engage: typeof en } }

await addNamespace(
  'engage',
  { nl: () => import('../locales/nl/engage-idea.json'), en: () => import('../locales/en/engage-idea.json') },
  'idea',
)
