import type { ReactNode } from 'react'
import { Button } from './button'

/**
 * "Meer laden" under a list: the lists go on by cursor, not by page number, so this takes
 * the place of pagination. It stays focusable while loading, and says so.
 */
export function LoadMore({ loading, onLoad, children }: { loading: boolean; onLoad: () => void; children: ReactNode }) {
  return (
    <Button
      appearance="secondary"
      className="load-more"
      busy={loading}
      onClick={() => (loading ? undefined : onLoad())}
    >
      {children}
    </Button>
  )
}
