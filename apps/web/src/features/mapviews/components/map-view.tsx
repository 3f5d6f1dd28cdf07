import { type ComponentType, useEffect, useState } from 'react'
import { ErrorMessage } from '../../../ui/error-message'
import { Loading } from '../../../ui/loading'
import type { IdeasMapProps } from './ideas-map'

/**
 * The map view, loaded when it is shown: Leaflet, the clustering and the map's strings come in
 * a chunk of their own (a dynamic import after the first render, on the server never), so a
 * page's first load carries only this module. A failed download says so; reloading the page
 * tries again.
 */
export function MapView(props: IdeasMapProps) {
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
