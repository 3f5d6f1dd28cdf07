import en from '../locales/en/notify.json'
import nl from '../locales/nl/notify.json'
import { i18n } from './i18n'

/**
 * Strings of notifications: what happened, why the person is told. Added when the
 * notifications or unsubscribe page loads. Importing this module is enough; twice is harmless.
 */
export const notifyResources = { nl: { notify: nl }, en: { notify: en } } as const

i18n.addResourceBundle('nl', 'notify', nl)
i18n.addResourceBundle('en', 'notify', en)
