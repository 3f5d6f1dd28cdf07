import type { ReactNode } from 'react'
import { classNames } from './class-names'

type TableProps = {
  children: ReactNode
  caption?: ReactNode
  /** The caption's id: a table that scrolls is a region named by its caption. */
  captionId?: string
  captionClassName?: string
  className?: string
  /**
   * For a table wider than a phone: its box scrolls (never the page), and it takes focus so
   * keyboard users can scroll it too (WCAG 2.1.1, axe scrollable-region-focusable).
   */
  scrolls?: boolean
}

/** A data table (NL Design System, Utrecht `utrecht-table`) in a box of its own. */
export function Table({ children, caption, captionId, captionClassName, className, scrolls }: TableProps) {
  const table = (
    <table className={classNames('utrecht-table', 'utrecht-table--html-table', className)}>
      {caption && (
        <caption id={captionId} className={captionClassName}>
          {caption}
        </caption>
      )}
      {children}
    </table>
  )
  if (!scrolls) return <div className="table-wrap">{table}</div>
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard to be scrolled
    <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
      {table}
    </section>
  )
}
