import type { ReactNode } from 'react'

/**
 * The box around a wide table. On a small screen it scrolls sideways; it can take focus,
 * so keyboard users can scroll it too. Named by the table's caption.
 */
export function ScrollTable({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard to be scrolled (WCAG 2.1.1, axe scrollable-region-focusable)
    <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </section>
  )
}
