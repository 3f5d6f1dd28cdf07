import type en from '../locales/en/mapviews.json'
import type nl from '../locales/nl/mapviews.json'
import { addNamespace } from './i18n'

/**
 * Strings of the maps that tell the story: the idea list's map view and the map of what was
 * done. Added with the map's own code, which loads only when a map is shown.
 */
export declare const mapviewsResources: { nl: { mapviews: typeof nl }; en: { mapviews: typeof en } }

await addNamespace('mapviews', {
  nl: () => import('../locales/nl/mapviews.json'),
  en: () => import('../locales/en/mapviews.json'),
})
