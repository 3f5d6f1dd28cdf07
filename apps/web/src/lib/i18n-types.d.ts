import type { resources } from './i18n'
import type { participateResources } from './i18n-participate'

// Typed keys: a missing or misspelt translation key is a compile error. The lazily added
// namespace is typed too, so pages that use it are checked like the rest.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: (typeof resources)['nl'] & (typeof participateResources)['nl']
  }
}
