import type { IdeaPlace } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-engage-idea'
import { mapConfigQuery } from '../api/map-queries'
// The map's box from the first paint, so nothing moves when the map arrives.
import '../map.css'

// The map's code (and its strings) load only for an idea that has a place: most have none.
const BaseMap = lazy(() => import('../base-map').then((m) => ({ default: m.BaseMap })))

/**
 * An idea's place: first in words (the address, or "a place on the map in <village>"; staff
 * see the coordinates too) with a link to the
 * ideas on the map, then a small map with the point. The server renders the words and an
 * empty box of the map's size; the map's code loads in the browser after the page is
 * hydrated, and Leaflet only when the map comes near the screen.
 */
export function IdeaPlaceSection({
  place,
  district,
  withCoordinates = false,
}: {
  place: IdeaPlace
  /** The idea's village or district, named for a point without an address. */
  district?: string | undefined
  /** For staff: the coordinates after the words. Residents read no coordinates. */
  withCoordinates?: boolean
}) {
  const { t } = useTranslation('engage')
  const headingId = useId()
  // Asked here, not only by the map, so the server sends the map's settings with the page.
  useQuery(mapConfigQuery)
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const words = place.label ?? (district ? t('place.pointIn', { district }) : t('place.pointSomewhere'))
  const where = withCoordinates
    ? t('place.withCoordinates', {
        place: words,
        latitude: place.latitude.toFixed(5),
        longitude: place.longitude.toFixed(5),
      })
    : words
  const box = (
    <div className="base-map" aria-hidden="true">
      <div className="base-map__frame">
        <div className="base-map__canvas" />
      </div>
      <p className="base-map__instructions">{'\u00a0'}</p>
    </div>
  )
  return (
    <section className="idea-place" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('place.title')}</h2>
      <p>{t('place.at', { place: where })}</p>
      <p>
        <Link to="/?weergave=kaart">{t('place.viewOnMap')}</Link>
      </p>
      {hydrated ? (
        <Suspense fallback={box}>
          <BaseMap
            label={t('place.mapLabel')}
            center={{ latitude: place.latitude, longitude: place.longitude }}
            zoom={16}
            markers={[{ id: 'idea', latitude: place.latitude, longitude: place.longitude, label: where }]}
          />
        </Suspense>
      ) : (
        box
      )}
    </section>
  )
}
