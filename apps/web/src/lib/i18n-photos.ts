import type en from '../locales/en/photos.json'
import type nl from '../locales/nl/photos.json'
import { addNamespace } from './i18n'

/** Strings of an idea's photos (features/photos): added with the components that show them. */
export declare const photosResources: { nl: { photos: typeof nl }; en: { photos: typeof en } }

await addNamespace('photos', {
  nl: () => import('../locales/nl/photos.json'),
  en: () => import('../locales/en/photos.json'),
})
