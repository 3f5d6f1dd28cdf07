import { type ComponentType, useEffect, useState } from 'react'
import { ErrorMessage } from '../../../ui/error-message'
import { Loading } from '../../../ui/loading'
import type { IdeasMapProps } from './ideas-map'

/**
 * The map view, loaded when it is shown: Leaflet, the clustering and the map's strings come in
 * a chunk of their own (a dynamic import after the first render, on the server never), so a
 * page's first load stays as it was without the map. This module is all a page carries.
 */
export function MapView(props: IdeasMapProps) {
  const [view, setView] = useState<{ Map: ComponentType<IdeasMapProps> } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    // `attempt` is read so that "try again" imports again after a failed download.
    void attempt
    import('./ideas-map').then(
      (module) => live && setView({ Map: module.IdeasMap }),
      (error: unknown) => live && setFailure(error ?? new Error('map')),
    )
    return () => {
      live = false
    }
  }, [attempt])

  if (view) return <view.Map {...props} />
  if (failure)
    return (
      <ErrorMessage
        error={failure}
        onRetry={() => {
          setFailure(null)
          setAttempt((n) => n + 1)
        }}
      />
    )
  return <Loading />
}
