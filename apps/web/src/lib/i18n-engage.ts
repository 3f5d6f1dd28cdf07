import en from '../locales/en/engage.json'
import nl from '../locales/nl/engage.json'
import { i18n } from './i18n'

/**
 * Strings of the roadmap, the scorecard, "Jij zei, wij deden", campaigns, notifications and
 * satisfaction questions. Added when such a page loads, so the idea list stays small.
 */
export const engageResources = { nl: { engage: nl }, en: { engage: en } } as const

i18n.addResourceBundle('nl', 'engage', nl)
i18n.addResourceBundle('en', 'engage', en)
