import { createContext, useContext } from 'react'

/** What a server render answers with besides the HTML; absent in the browser. */
export type RenderOutcome = { status: number }

export const RenderOutcomeContext = createContext<RenderOutcome | null>(null)

/**
 * Rendered where a page says "this does not exist": the server then answers 404 (a search
 * engine drops the address, a link checker reports it); in the browser it does nothing.
 */
export function NotFoundStatus(): null {
  const outcome = useContext(RenderOutcomeContext)
  if (outcome) outcome.status = 404
  return null
}
