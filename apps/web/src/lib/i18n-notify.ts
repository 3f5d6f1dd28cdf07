import type en from '../locales/en/notify.json'
import type nl from '../locales/nl/notify.json'
import { addNamespace } from './i18n'

/**
 * Strings of notifications: what happened, why the person is told. Added when the
 * notifications or unsubscribe page loads. Importing this module is enough; twice is harmless.
 */
export declare const notifyResources: { nl: { notify: typeof nl }; en: { notify: typeof en } }

await addNamespace('notify', {
  nl: () => import('../locales/nl/notify.json'),
  en: () => import('../locales/en/notify.json'),
})
