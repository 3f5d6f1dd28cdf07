import type { IdeaPlace } from '@meedenken/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-map'
import { BaseMap } from '../base-map'

/**
 * An idea's place: first in words (the address, or the point's coordinates) with a link to the
 * ideas on the map, then a small map with the point. The server renders the words; Leaflet
 * loads in the browser only when the map comes near the screen.
 */
export function IdeaPlaceSection({ place }: { place: IdeaPlace }) {
  const { t } = useTranslation('map')
  const headingId = useId()
  const where =
    place.label ?? t('place.point', { latitude: place.latitude.toFixed(5), longitude: place.longitude.toFixed(5) })
  return (
    <section className="idea-place" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('place.title')}</h2>
      <p>{t('place.at', { place: where })}</p>
      <p>
        <Link to="/?weergave=kaart">{t('place.viewOnMap')}</Link>
      </p>
      <BaseMap
        label={t('place.mapLabel')}
        center={{ latitude: place.latitude, longitude: place.longitude }}
        zoom={16}
        markers={[{ id: 'idea', latitude: place.latitude, longitude: place.longitude, label: where }]}
      />
    </section>
  )
}
