import { useQuery } from '@tanstack/react-query'
import { type ComponentType, useEffect, useState } from 'react'
import { ErrorMessage } from '../../../ui/error-message'
import { Loading } from '../../../ui/loading'
import { mapConfigQuery } from '../../map/api/map-queries'
import { mapIdeasQuery } from '../api/map-queries'
import type { IdeasMapProps } from './ideas-map'

/**
 * The map view, loaded when it is shown: Leaflet, the clustering and the map's strings come in
 * a chunk of their own (a dynamic import after the first render, on the server never), so a
 * page's first load carries only this module. A failed download says so; reloading the page
 * tries again.
 *
 * The map's data (its points and the base map's settings) is asked for here, not in the chunk:
 * a server-rendered page ("Jij zei, wij deden", the list at ?weergave=kaart) then fetches it
 * while rendering and hands it over with the page, so once hydrated the map asks the API for
 * nothing; in the browser the data comes alongside the chunk instead of after it.
 */
export function MapView(props: IdeasMapProps) {
  useQuery(mapIdeasQuery(props.filters))
  useQuery(mapConfigQuery)
  const [loaded, setLoaded] = useState<{ Map?: ComponentType<IdeasMapProps>; error?: unknown }>({})

  useEffect(() => {
    let live = true
    import('./ideas-map').then(
      (module) => live && setLoaded({ Map: module.IdeasMap }),
      (error: unknown) => live && setLoaded({ error }),
    )
    return () => {
      live = false
    }
  }, [])

  if (loaded.Map) return <loaded.Map {...props} />
  return 'error' in loaded ? <ErrorMessage error={loaded.error} /> : <Loading />
}
