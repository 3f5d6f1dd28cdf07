/**
 * BaseMap: the national base map (PDOK BRT achtergrondkaart, or whatever MAP_TILE_URL says) with
 * Leaflet. Leaflet and its CSS load only when a map comes near the screen (dynamic import of
 * ./leaflet), so pages without a map, the idea list first of all, do not carry them.
 *
 * Props (all optional except `label`):
 * - `label`: the map's accessible name ("Kaart met de plaats van dit idee").
 * - `instructions`: text under the map, tied to it with aria-describedby; defaults to how the
 *   keys work (arrows pan, + and - zoom).
 * - `markers`: `{ id, latitude, longitude, label, href? }[]`; with `onSelect` or an `href` each is a
 *   focusable button named `label` (Enter or a click selects it), otherwise a picture with that title.
 * - `onSelect(marker)`: a marker chosen; without it a marker with `href` navigates there.
 * - `center` / `zoom`: where the map opens; default the municipality (MAP_CENTER, MAP_ZOOM), or,
 *   with `fitToMarkers`, the markers.
 * - `onMapClick({ latitude, longitude })`: a click or tap on the map itself.
 * - `onReady({ map, L })`: the Leaflet map and module once it exists, for extras such as
 *   clustering (leaflet.markercluster) or the picker's crosshair; called once per map.
 * - `unavailableText`: what to say when the tiles cannot be loaded (default: the map cannot be
 *   loaded, the rest of the page works). Said politely (role="status"); the page goes on working.
 * - `onUnavailable()`: called once when the map cannot be shown (tiles or Leaflet failed to load).
 * - `tall`: a taller map (24rem instead of 18rem).
 * - `children`: drawn over the map (positioned against it), e.g. a crosshair.
 *
 * The map is kept inside the Netherlands (bounds [[50.5, 3.25], [54, 7.6]], minimum zoom 6). It is
 * one tab stop (role="application", so screen readers pass the arrow keys to it); Leaflet's
 * keyboard handler pans with the arrows and zooms with + and -.
 */
import { useQuery } from '@tanstack/react-query'
import type { Map as LeafletMap } from 'leaflet'
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import '../../lib/i18n-map'
import { mapConfigQuery } from './api/map-queries'
// Its box (size, messages) from the first paint, so the page does not shift when Leaflet arrives.
import './map.css'

export type MapMarker = { id: string | number; latitude: number; longitude: number; label: string; href?: string }
export type LeafletModule = typeof import('leaflet')
export type MapHandle = { map: LeafletMap; L: LeafletModule }

export type BaseMapProps = {
  label: string
  instructions?: string
  markers?: MapMarker[]
  onSelect?: (marker: MapMarker) => void
  center?: { latitude: number; longitude: number }
  zoom?: number
  fitToMarkers?: boolean
  onMapClick?: (point: { latitude: number; longitude: number }) => void
  onReady?: (handle: MapHandle) => void
  unavailableText?: string
  onUnavailable?: () => void
  tall?: boolean
  children?: ReactNode
}

/** The Netherlands with a margin (as OpenStad): the map never wanders off to the sea or Germany. */
export const NETHERLANDS: [[number, number], [number, number]] = [
  [50.5, 3.25],
  [54, 7.6],
]
export const MIN_ZOOM = 6

type Status = 'waiting' | 'ready' | 'failed'

export function BaseMap(props: BaseMapProps) {
  const { t } = useTranslation('map')
  const navigate = useNavigate()
  const config = useQuery(mapConfigQuery)
  const canvas = useRef<HTMLDivElement>(null)
  const handle = useRef<MapHandle | null>(null)
  const latest = useRef(props)
  latest.current = props
  const translate = useRef(t)
  translate.current = t
  const [status, setStatus] = useState<Status>('waiting')
  const [near, setNear] = useState(false)
  const [mapReady, setMapReady] = useState(false)
  const instructionsId = useId()

  // Leaflet loads when the map comes within a screen of being seen.
  useEffect(() => {
    const element = canvas.current
    if (!element || near) return
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true)
      return
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true)
      },
      { rootMargin: '100% 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [near])

  const settings = config.data
  useEffect(() => {
    const element = canvas.current
    if (!near || !settings || !element) return
    let cancelled = false
    let created: LeafletMap | null = null
    import('./leaflet')
      .then(({ default: L }) => {
        if (cancelled) return
        const p = latest.current
        const start = p.center ?? settings.center
        const map = L.map(element, {
          maxBounds: NETHERLANDS,
          maxBoundsViscosity: 1,
          minZoom: MIN_ZOOM,
          zoomControl: false,
          keyboard: true,
        }).setView([start.latitude, start.longitude], p.zoom ?? settings.zoom)
        created = map
        const tr = translate.current
        L.control.zoom({ zoomInTitle: tr('map.zoomIn'), zoomOutTitle: tr('map.zoomOut') }).addTo(map)
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>')
        let loaded = 0
        L.tileLayer(settings.tileUrl, {
          attribution: escapeHtml(settings.attribution),
          minZoom: MIN_ZOOM,
          maxZoom: 19,
          bounds: NETHERLANDS,
        })
          .on('tileload', () => {
            loaded += 1
            setStatus('ready')
          })
          .on('tileerror', () => {
            if (loaded === 0) setStatus('failed')
          })
          .addTo(map)
        map.on('click', (e) => latest.current.onMapClick?.({ latitude: e.latlng.lat, longitude: e.latlng.lng }))
        handle.current = { map, L }
        setMapReady(true)
        latest.current.onReady?.(handle.current)
      })
      .catch(() => {
        if (!cancelled) setStatus('failed')
      })
    return () => {
      cancelled = true
      created?.remove()
      handle.current = null
      setMapReady(false)
    }
    // The map is made once per element and configuration; later props are read from `latest`.
  }, [near, settings])

  // The markers: drawn again when the list changes.
  const markers = props.markers
  const fit = props.fitToMarkers ?? false
  useEffect(() => {
    const h = handle.current
    if (!mapReady || !h || !markers || markers.length === 0) return
    const { map, L } = h
    const layer = L.layerGroup()
    const selectable = (m: MapMarker) => Boolean(latest.current.onSelect || m.href)
    for (const m of markers) {
      const marker = L.marker([m.latitude, m.longitude], {
        icon: L.divIcon({ className: 'map-marker', iconSize: [22, 22], iconAnchor: [11, 11] }),
        title: m.label,
        keyboard: selectable(m),
        interactive: selectable(m),
      })
      marker.on('click', () => {
        const { onSelect } = latest.current
        if (onSelect) onSelect(m)
        else if (m.href) navigate(m.href)
      })
      marker.on('add', () => {
        const element = marker.getElement()
        element?.setAttribute('aria-label', m.label)
        if (!selectable(m)) element?.setAttribute('role', 'img')
      })
      layer.addLayer(marker)
    }
    layer.addTo(map)
    if (fit) {
      const bounds = L.latLngBounds(markers.map((m) => [m.latitude, m.longitude] as [number, number]))
      map.fitBounds(bounds, { maxZoom: 16, padding: [24, 24] })
    }
    return () => {
      layer.remove()
    }
  }, [mapReady, markers, fit, navigate])

  // Leaflet sets its own attributes on the container; these name it and say how it works.
  useEffect(() => {
    const element = canvas.current
    if (!element) return
    element.setAttribute('role', 'application')
    element.setAttribute('aria-label', props.label)
    element.setAttribute('aria-describedby', instructionsId)
    element.tabIndex = 0
  })

  const failed = status === 'failed' || config.isError
  useEffect(() => {
    if (failed) latest.current.onUnavailable?.()
  }, [failed])
  return (
    <div className={props.tall ? 'base-map base-map--tall' : 'base-map'}>
      <div className="base-map__frame">
        <div ref={canvas} className="base-map__canvas" />
        {mapReady && !failed ? props.children : null}
      </div>
      <p id={instructionsId} className="base-map__instructions">
        {props.instructions ?? t('map.instructions')}
      </p>
      <p role="status" className={failed ? 'base-map__unavailable' : 'visually-hidden'}>
        {failed ? (props.unavailableText ?? t('map.unavailable')) : ''}
      </p>
    </div>
  )
}

/** The attribution is a setting, shown as Leaflet's HTML: written as text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}
