import type { resources } from './i18n'
import type { accessibilityResources } from './i18n-accessibility'
import type { engageResources } from './i18n-engage'
import type { mapResources } from './i18n-map'
import type { mapviewsResources } from './i18n-mapviews'
import type { notifyResources } from './i18n-notify'
import type { participateResources } from './i18n-participate'
import type { photosResources } from './i18n-photos'
import type { recordsResources } from './i18n-records'
import type { staffResources } from './i18n-staff'
import type { werkbakResources } from './i18n-werkbak'

// Typed keys: a missing or misspelt translation key is a compile error. The lazily added
// namespaces are typed too, so pages that use them are checked like the rest.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: (typeof resources)['nl'] &
      (typeof participateResources)['nl'] &
      (typeof photosResources)['nl'] &
      (typeof staffResources)['nl'] &
      (typeof engageResources)['nl'] &
      (typeof notifyResources)['nl'] &
      (typeof recordsResources)['nl'] &
      (typeof werkbakResources)['nl'] &
      (typeof accessibilityResources)['nl'] &
      (typeof mapResources)['nl'] &
      (typeof mapviewsResources)['nl']
  }
}
