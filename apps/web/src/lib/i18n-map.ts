import type en from '../locales/en/map.json'
import type nl from '../locales/nl/map.json'
import { addNamespace } from './i18n'

/**
 * Strings of the map, the place picker, an idea's place and district outlines. Added by the
 * components that show them (features/map), so the idea list does not carry them.
 */
export declare const mapResources: { nl: { map: typeof nl }; en: { map: typeof en } }

await addNamespace('map', {
  nl: () => import('../locales/nl/map.json'),
  en: () => import('../locales/en/map.json'),
})
