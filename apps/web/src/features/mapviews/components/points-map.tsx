import type { IdeaStatus, MapPoint } from '@meedenken/shared'
import type { Layer, MarkerClusterGroup } from 'leaflet'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { formatNumber } from '../../../lib/format-number'
import { BaseMap, type LeafletModule, type MapHandle } from '../../map/base-map'
import '../mapviews.css'

type Props = {
  points: MapPoint[]
  label: string
  /** Where "skip the map" leads: the list alternative's id. */
  listId: string
}

/**
 * leaflet.markercluster extends the global `L` that Leaflet sets when it loads; it comes with
 * the map, after Leaflet, in the map's own chunk.
 */
let clustering: Promise<unknown> | null = null
function loadClustering(L: LeafletModule): Promise<unknown> {
  ;(globalThis as { L?: LeafletModule }).L ??= L
  clustering ??= Promise.all([
    import('leaflet.markercluster'),
    import('leaflet.markercluster/dist/MarkerCluster.css'),
  ]).catch((error: unknown) => {
    clustering = null
    throw error
  })
  return clustering
}

/**
 * Points on the base map, clustered where they lie close together. Every marker and cluster is
 * a button in the tab order (Leaflet's keyboard option): Enter on a cluster zooms in, on a
 * marker opens a popup whose link leads to the idea. The same points are always in the list
 * beside the map (ideas-map.tsx), for whoever does not use the map.
 */
export function PointsMap({ points, label, listId }: Props) {
  const { t } = useTranslation(['mapviews', 'ideas'])
  const navigate = useNavigate()
  const [handle, setHandle] = useState<MapHandle | null>(null)

  useEffect(() => {
    if (!handle) return
    const { map, L } = handle
    let cancelled = false
    let group: MarkerClusterGroup | null = null
    loadClustering(L)
      .then(() => {
        if (cancelled) return
        group = L.markerClusterGroup({
          chunkedLoading: true,
          showCoverageOnHover: false,
          spiderfyOnMaxZoom: true,
          iconCreateFunction: (cluster) => {
            const n = cluster.getChildCount()
            const html = document.createElement('span')
            // Styled inside: Leaflet's own (unlayered) rules for the icon itself win over ours.
            html.className = 'idea-cluster__inner'
            const count = document.createElement('span')
            count.setAttribute('aria-hidden', 'true')
            count.textContent = formatNumber(n)
            const name = document.createElement('span')
            name.className = 'visually-hidden'
            name.textContent = t('map.cluster', { count: n, n: formatNumber(n) })
            html.append(count, name)
            const size = n < 100 ? 40 : n < 1000 ? 48 : 56
            return L.divIcon({ html, className: 'idea-cluster', iconSize: L.point(size, size) })
          },
        })
        const markers: Layer[] = points.map((point) => {
          const status = t(`ideas:status.${point.status as IdeaStatus}`)
          const name = `${point.title} (${status})`
          const marker = L.marker([point.latitude, point.longitude], {
            icon: L.divIcon({
              className: 'map-marker',
              iconSize: [24, 24],
              iconAnchor: [12, 24],
              popupAnchor: [0, -24],
            }),
            title: point.title,
            keyboard: true,
          })
          marker.on('add', () => marker.getElement()?.setAttribute('aria-label', name))
          marker.bindPopup(() =>
            popup(point, status, navigate, () => {
              map.closePopup()
              marker.getElement()?.focus()
            }),
          )
          return marker
        })
        group.addLayers(markers)
        // Enter on a cluster zooms in and the cluster is gone: the map itself keeps the focus.
        group.on('clusterclick', () => map.getContainer().focus({ preventScroll: true }))
        // The map opens on the points without a zoom animation, and only then gets them: clusters
        // are drawn once, at their zoom, instead of fading from the first zoom's into the next.
        if (points.length > 0) {
          const bounds = L.latLngBounds(points.map((point) => [point.latitude, point.longitude]))
          map.fitBounds(bounds, { maxZoom: 15, padding: [24, 24], animate: false })
        }
        map.addLayer(group)
      })
      .catch(() => undefined)
    // A popup opened by keyboard: its link gets the focus; Escape closes it and goes back to the marker.
    const opened = (event: { popup: { getElement(): HTMLElement | undefined } }) => {
      event.popup.getElement()?.querySelector('a')?.focus({ preventScroll: true })
    }
    map.on('popupopen', opened)
    return () => {
      cancelled = true
      map.off('popupopen', opened)
      if (group) map.removeLayer(group)
    }
  }, [handle, points, t, navigate])

  return (
    <div className="points-map">
      <a className="nl-skip-link nl-skip-link--visible-on-focus points-map__skip" href={`#${listId}`}>
        {t('map.skip')}
      </a>
      <BaseMap label={label} tall onReady={setHandle} unavailableText={t('map.failed')} />
    </div>
  )
}

/** A marker's popup: the idea's title as a link and its status, built as DOM so no title is read as HTML. */
function popup(point: MapPoint, status: string, navigate: (to: string) => void, close: () => void): HTMLElement {
  const box = document.createElement('div')
  box.className = 'points-map__popup'
  const title = document.createElement('p')
  const link = document.createElement('a')
  const href = `/ideeen/${point.id}`
  link.href = href
  link.textContent = point.title
  // Within the app, as every other link: no page load.
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  })
  title.append(link)
  const state = document.createElement('p')
  state.className = 'points-map__status'
  state.textContent = status
  box.append(title, state)
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close()
  })
  return box
}
